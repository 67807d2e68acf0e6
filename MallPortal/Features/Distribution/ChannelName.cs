using MallPortal.Core.Distribution;
using MallPortal.Resources;

namespace MallPortal.Features.Distribution;

/// <summary>The Chinese names of channels and link targets, in one place.</summary>
public static class ChannelName
{
    public static string Of(ShareChannel channel) => channel switch
    {
        ShareChannel.WeChat => UiText.DistChannelWeChat,
        ShareChannel.Weibo => UiText.DistChannelWeibo,
        ShareChannel.Douyin => UiText.DistChannelDouyin,
        ShareChannel.QQ => "QQ",
        ShareChannel.CopyLink => UiText.DistChannelCopy,
        _ => UiText.DistChannelPoster,
    };

    public static string Of(LinkTarget target) => target switch
    {
        LinkTarget.Product => UiText.DistTargetProduct,
        LinkTarget.Shop => UiText.DistTargetShop,
        _ => UiText.DistTargetHome,
    };
}
