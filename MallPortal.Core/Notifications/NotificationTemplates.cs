namespace MallPortal.Core.Notifications;

/// <summary>
/// Every event's texts. Later modules add theirs here (order placed, paid, shipped, commission
/// settled, withdrawal paid ...) and send them through <see cref="NotificationService"/>.
/// </summary>
public static class NotificationTemplates
{
    public static readonly NotificationTemplate VerificationCode = new(
        "verification-code", NotificationCategory.Security,
        "验证码", "您的验证码为 {code}，{minutes} 分钟内有效。",
        SmsText: "【MallPortal】您的验证码为{code}，{minutes}分钟内有效，请勿泄露给他人。",
        EmailSubject: "MallPortal 验证码",
        EmailBody: "您好：\n\n您正在{purpose}，验证码为 {code}，{minutes} 分钟内有效。\n如非本人操作，请忽略本邮件。\n\nMallPortal 商城",
        SecretParameter: "code");

    public static readonly NotificationTemplate Welcome = new(
        "welcome", NotificationCategory.Security,
        "欢迎加入 MallPortal", "{nickname}，欢迎您！完善资料并添加收货地址，购物更便捷。");

    public static readonly NotificationTemplate PasswordChanged = new(
        "password-changed", NotificationCategory.Security,
        "登录密码已修改", "您的登录密码已于 {time} 修改，其他设备上的登录已失效。如非本人操作，请立即找回密码。",
        SmsText: "【MallPortal】您的登录密码已于{time}修改。如非本人操作，请立即找回密码。",
        EmailSubject: "MallPortal 登录密码已修改",
        EmailBody: "您好：\n\n您的登录密码已于 {time} 修改，其他设备上的登录已失效。\n如非本人操作，请立即找回密码。\n\nMallPortal 商城");

    public static readonly NotificationTemplate ContactChanged = new(
        "contact-changed", NotificationCategory.Security,
        "{kind}已更换", "您的登录{kind}已于 {time} 更换为 {contact}。如非本人操作，请立即联系平台客服。",
        SmsText: "【MallPortal】您的登录{kind}已于{time}更换为{contact}。如非本人操作，请立即联系客服。",
        EmailSubject: "MallPortal 登录{kind}已更换",
        EmailBody: "您好：\n\n您的登录{kind}已于 {time} 更换为 {contact}。\n如非本人操作，请立即联系平台客服。\n\nMallPortal 商城");

    public static readonly NotificationTemplate EmailConfirmation = new(
        "email-confirmation", NotificationCategory.Security,
        "验证邮箱", "请打开邮件中的链接验证您的邮箱。",
        EmailSubject: "请验证您的 MallPortal 邮箱",
        EmailBody: "您好：\n\n请打开以下链接完成邮箱验证（24 小时内有效）：\n{link}\n\n如非本人操作，请忽略本邮件。\n\nMallPortal 商城",
        SecretParameter: "link");

    public static readonly NotificationTemplate PasswordResetLink = new(
        "password-reset-link", NotificationCategory.Security,
        "找回密码", "请打开邮件中的链接重设密码。",
        EmailSubject: "重设您的 MallPortal 密码",
        EmailBody: "您好：\n\n请打开以下链接重设登录密码（24 小时内有效）：\n{link}\n\n如非本人操作，请忽略本邮件，您的密码不会改变。\n\nMallPortal 商城",
        SecretParameter: "link");

    public static readonly NotificationTemplate Announcement = new(
        "announcement", NotificationCategory.Announcements,
        "{title}", "{body}",
        SmsText: "【MallPortal】平台公告：{title}，详情请登录查看。",
        EmailSubject: "MallPortal 平台公告：{title}",
        EmailBody: "{body}\n\nMallPortal 商城");

    public static readonly NotificationTemplate MerchantApproved = new(
        "merchant-approved", NotificationCategory.Security,
        "开店申请已通过", "恭喜！您的店铺「{shop}」已开通，现在可以在商家中心上架商品了。",
        SmsText: "【MallPortal】您的店铺「{shop}」已开通，请登录商家中心上架商品。");

    public static readonly NotificationTemplate MerchantRejected = new(
        "merchant-rejected", NotificationCategory.Security,
        "开店申请未通过", "您申请的店铺「{shop}」未通过审核，原因：{reason}。修改后可重新提交。");

    public static readonly NotificationTemplate StockLow = new(
        "stock-low", NotificationCategory.Orders,
        "库存预警：{product}", "「{product}」{sku} 可用库存仅剩 {available} 件，请及时补货。");

    public static readonly NotificationTemplate StockDigest = new(
        "stock-digest", NotificationCategory.Orders,
        "每日库存预警汇总", "您的店铺有 {count} 个商品规格库存不足：{items}。",
        EmailSubject: "MallPortal 每日库存预警（{count} 项）",
        EmailBody: "您好：\n\n以下商品规格库存不足，请及时补货：\n{items}\n\nMallPortal 商城");

    public static readonly IReadOnlyList<NotificationTemplate> All =
        [VerificationCode, Welcome, PasswordChanged, ContactChanged, EmailConfirmation, PasswordResetLink, Announcement,
         MerchantApproved, MerchantRejected, StockLow, StockDigest];
}
