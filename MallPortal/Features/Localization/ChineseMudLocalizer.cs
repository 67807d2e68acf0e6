using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace MallPortal.Features.Localization;

/// <summary>
/// MudBlazor's own words (pager, date picker, dialogs, screen-reader labels) in Chinese for Chinese
/// visitors; for others MudBlazor's built-in English stays.
/// </summary>
public sealed class ChineseMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Chinese = new()
    {
        ["MudDataGridPager_RowsPerPage"] = "每页条数：",
        ["MudDataGridPager_InfoFormat"] = "第 {0}-{1} 条，共 {2} 条",
        ["MudDataGridPager_FirstPage"] = "首页",
        ["MudDataGridPager_PreviousPage"] = "上一页",
        ["MudDataGridPager_NextPage"] = "下一页",
        ["MudDataGridPager_LastPage"] = "末页",
        ["MudDataGridPager_AllItems"] = "全部",
        ["MudDataGrid_Loading"] = "加载中…",
        ["MudDataGrid_SelectRow"] = "选择此行",
        ["MudDataGrid_SelectAllRows"] = "全选",
        ["MudTreeView_ExpandItem"] = "展开",
        ["MudTreeView_CollapseItem"] = "收起",
        ["MudTablePager_FirstPage"] = "首页",
        ["MudTablePager_PreviousPage"] = "上一页",
        ["MudTablePager_NextPage"] = "下一页",
        ["MudTablePager_LastPage"] = "末页",
        ["MudTable_Loading"] = "加载中…",
        ["MudPagination_FirstPage"] = "首页",
        ["MudPagination_PreviousPage"] = "上一页",
        ["MudPagination_NextPage"] = "下一页",
        ["MudPagination_LastPage"] = "末页",
        ["MudPagination_CurrentPage"] = "当前第 {0} 页",
        ["MudPagination_PageIndex"] = "第 {0} 页",
        ["MudBaseDatePicker_Open"] = "打开日期选择",
        ["MudBaseDatePicker_NextMonth"] = "下个月 {0}",
        ["MudBaseDatePicker_PrevMonth"] = "上个月 {0}",
        ["MudBaseDatePicker_NextYear"] = "下一年 {0}",
        ["MudBaseDatePicker_PrevYear"] = "上一年 {0}",
        ["MudAlert_Close"] = "关闭",
        ["MudChip_Close"] = "移除",
        ["MudDialog_Close"] = "关闭",
        ["MudSnackbar_Close"] = "关闭",
        ["MudInput_Clear"] = "清除",
        ["MudNavGroup_ToggleExpand"] = "展开或收起{0}",
        ["MudSelect_SelectAll"] = "全选",
        ["MudInput_Increment"] = "增加",
        ["MudInput_Decrement"] = "减少",
        ["MudInput_Clear"] = "清除",
        ["MudTabs_ScrollLeft"] = "向左滚动标签",
        ["MudTabs_ScrollRight"] = "向右滚动标签",
        ["MudTabs_ScrollUp"] = "向上滚动标签",
        ["MudTabs_ScrollDown"] = "向下滚动标签",
        ["MudRating_Label"] = "评分",
        ["MudRatingItem_Label"] = "{0} 星",
        ["MudFormComponent_Required"] = "此项为必填",
        ["MudFileUpload_Button"] = "选择文件",
        ["MudFileUpload_FileSizeError"] = "文件“{0}”超过了 {1} 字节的上限",
    };

    public override LocalizedString this[string key] =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && Chinese.TryGetValue(key, out var text)
            ? new LocalizedString(key, text, resourceNotFound: false)
            : new LocalizedString(key, key, resourceNotFound: true);
}
