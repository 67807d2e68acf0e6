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

    public static readonly NotificationTemplate DistributorApproved = new(
        "distributor-approved", NotificationCategory.Security,
        "分销员申请已通过", "恭喜！您已成为分销员，邀请码 {code}。现在可以在分销中心生成推广链接、海报并邀请好友加入团队。",
        SmsText: "【MallPortal】您的分销员申请已通过，邀请码{code}，请登录分销中心开始推广。");

    public static readonly NotificationTemplate WithdrawalSubmitted = new(
        "withdrawal-submitted", NotificationCategory.Orders,
        "提现申请已提交", "提现 {amount}（手续费 {fee}）已提交，到账 {payout}，收款账户 {account}，金额已冻结，请等待审核。");

    public static readonly NotificationTemplate WithdrawalApproved = new(
        "withdrawal-approved", NotificationCategory.Orders,
        "提现申请已通过", "提现 {amount} 已审核通过，平台将尽快打款至 {account}。",
        SmsText: "【MallPortal】您的提现{amount}已审核通过，将尽快打款。");

    public static readonly NotificationTemplate WithdrawalRejected = new(
        "withdrawal-rejected", NotificationCategory.Orders,
        "提现申请未通过", "提现 {amount} 未通过审核：{reason}。金额已退回可提现余额。",
        SmsText: "【MallPortal】您的提现{amount}未通过审核，金额已退回余额，原因请登录查看。");

    public static readonly NotificationTemplate WithdrawalPaid = new(
        "withdrawal-paid", NotificationCategory.Orders,
        "提现已打款", "提现 {amount} 已打款 {payout} 至 {account}，流水号 {reference}。",
        SmsText: "【MallPortal】您的提现已打款{payout}，流水号{reference}，请注意查收。");

    public static readonly NotificationTemplate WithdrawalFailed = new(
        "withdrawal-failed", NotificationCategory.Orders,
        "提现打款失败", "提现 {amount} 打款失败：{reason}。金额已退回可提现余额，请核对收款账户后重新申请。",
        SmsText: "【MallPortal】您的提现打款失败，金额已退回余额，请核对收款账户后重新申请。");

    public static readonly NotificationTemplate GradeUpgraded = new(
        "grade-upgraded", NotificationCategory.Orders,
        "分销等级已提升", "恭喜！您的自营结算销售额已达 {sales}，分销等级升为“{grade}”，之后付款的订单按新等级的佣金比例计算（高于店铺比例时）。",
        SmsText: "【MallPortal】恭喜，您的分销等级已升为{grade}。");

    public static readonly NotificationTemplate CommissionHeld = new(
        "commission-held", NotificationCategory.Announcements,
        "有佣金待风控审核", "订单 {orders} 的佣金出现风险信号（与分销员同手机号、同地址、同设备或网络，自买自返或刷单退款），已暂停结算，请到佣金风控审核处理。");

    public static readonly NotificationTemplate CommissionReleased = new(
        "commission-released", NotificationCategory.Orders,
        "佣金审核已通过", "订单 {number} 的佣金 {amount} 经平台风控审核已放行，将按售后期正常结算。");

    public static readonly NotificationTemplate CommissionVoided = new(
        "commission-voided", NotificationCategory.Orders,
        "佣金已作废", "订单 {number} 的佣金 {amount} 经平台风控审核已作废，原因：{reason}。如有异议请联系平台客服。",
        SmsText: "【MallPortal】订单{number}的佣金经风控审核已作废，原因请登录查看。");

    public static readonly NotificationTemplate FundsDifference = new(
        "funds-difference", NotificationCategory.Announcements,
        "资金对账发现差异", "{day} 的资金对账发现差异：{orders} 笔订单不平，{balances} 个余额与流水不符，请尽快核查。");

    public static readonly NotificationTemplate DistributorRejected = new(
        "distributor-rejected", NotificationCategory.Security,
        "分销员申请未通过", "您的分销员申请未通过审核，原因：{reason}。修改后可重新提交。");

    public static readonly NotificationTemplate ShopNoticeToDistributors = new(
        "shop-notice-distributors", NotificationCategory.Marketing,
        "「{shop}」：{title}", "{body}");

    public static readonly NotificationTemplate StockLow = new(
        "stock-low", NotificationCategory.Orders,
        "库存预警：{product}", "「{product}」{sku} 可用库存仅剩 {available} 件，请及时补货。");

    public static readonly NotificationTemplate StockDigest = new(
        "stock-digest", NotificationCategory.Orders,
        "每日库存预警汇总", "您的店铺有 {count} 个商品规格库存不足：{items}。",
        EmailSubject: "MallPortal 每日库存预警（{count} 项）",
        EmailBody: "您好：\n\n以下商品规格库存不足，请及时补货：\n{items}\n\nMallPortal 商城");

    public static readonly NotificationTemplate OrderPlaced = new(
        "order-placed", NotificationCategory.Orders,
        "订单已提交", "订单 {number} 已提交，应付 {amount}，请在 {minutes} 分钟内完成支付，超时订单将自动关闭。");

    public static readonly NotificationTemplate OrderPlacedCod = new(
        "order-placed-cod", NotificationCategory.Orders,
        "订单已提交（货到付款）", "订单 {number} 已提交，货到付款 {amount}，商家发货后请留意物流信息。");

    public static readonly NotificationTemplate OrderPaid = new(
        "order-paid", NotificationCategory.Orders,
        "支付成功", "订单 {number} 已支付 {amount}，商家将尽快为您发货。");

    public static readonly NotificationTemplate PaymentHeld = new(
        "payment-held", NotificationCategory.Orders,
        "支付成功，订单安全审核中", "订单 {number} 已支付 {amount}。为保障您的资金安全，订单正在进行安全审核，审核通过后商家将为您发货。");

    public static readonly NotificationTemplate PaymentReleased = new(
        "payment-released", NotificationCategory.Orders,
        "订单已通过安全审核", "订单 {number} 已通过安全审核，商家将尽快为您发货。");

    public static readonly NotificationTemplate PaymentRefused = new(
        "payment-refused", NotificationCategory.Orders,
        "订单未通过安全审核", "订单 {number} 未通过安全审核（{reason}），已取消并原路退款 {amount}。",
        SmsText: "【MallPortal】您的订单{number}未通过安全审核，已取消并原路退款{amount}。");

    public static readonly NotificationTemplate MerchantNewOrder = new(
        "merchant-new-order", NotificationCategory.Orders,
        "新订单待发货", "您有新订单 {number}（{amount}，{method}），请尽快发货。",
        SmsText: "【MallPortal】您有新订单{number}待发货，请登录商家中心处理。");

    public static readonly NotificationTemplate PaymentReminder = new(
        "payment-reminder", NotificationCategory.Orders,
        "订单即将关闭", "订单 {number} 尚未支付，将在 {minutes} 分钟后自动关闭，请尽快付款。");

    public static readonly NotificationTemplate OrderClosed = new(
        "order-closed", NotificationCategory.Orders,
        "订单已关闭", "订单 {number} 超时未支付，已自动关闭。");

    public static readonly NotificationTemplate OrderShipped = new(
        "order-shipped", NotificationCategory.Orders,
        "订单已发货", "订单 {number} 已发货：{package}，请注意查收。",
        SmsText: "【MallPortal】您的订单{number}已发货，{package}，请注意查收。");

    public static readonly NotificationTemplate ParcelOutForDelivery = new(
        "parcel-out-for-delivery", NotificationCategory.Orders,
        "包裹正在派送", "订单 {number} 的{package}正在派送，请保持电话畅通。",
        SmsText: "【MallPortal】您的订单{number}的{package}正在派送，请保持电话畅通。");

    public static readonly NotificationTemplate ParcelSigned = new(
        "parcel-signed", NotificationCategory.Orders,
        "包裹已签收", "订单 {number} 的{package}已签收。请检查商品，确认无误后确认收货。",
        SmsText: "【MallPortal】您的订单{number}的{package}已签收，如有问题请在订单中申请售后。");

    public static readonly NotificationTemplate ParcelProblem = new(
        "parcel-problem", NotificationCategory.Orders,
        "物流异常", "订单 {number} {package}，请联系快递公司或买家处理。");

    public static readonly NotificationTemplate AfterSaleRequested = new(
        "aftersale-requested", NotificationCategory.Orders,
        "新的售后申请", "售后单 {number} 待您处理，超时未处理将自动同意。",
        SmsText: "【MallPortal】您有新的售后申请{number}，请及时处理，超时将自动同意。");

    public static readonly NotificationTemplate AfterSaleReturnAgreed = new(
        "aftersale-return-agreed", NotificationCategory.Orders,
        "商家已同意退货", "售后单 {number}：商家已同意退货，请按退货地址寄回商品并填写运单号。",
        SmsText: "【MallPortal】售后单{number}商家已同意退货，请尽快寄回商品并填写运单号。");

    public static readonly NotificationTemplate AfterSaleRefused = new(
        "aftersale-refused", NotificationCategory.Orders,
        "售后申请被拒绝", "售后单 {number} 被商家拒绝：{reason}。如有异议可申请平台介入。");

    public static readonly NotificationTemplate AfterSaleGoodsSent = new(
        "aftersale-goods-sent", NotificationCategory.Orders,
        "买家已寄回商品", "售后单 {number}：买家已寄回商品，请收货后确认退款。");

    public static readonly NotificationTemplate AfterSaleEscalated = new(
        "aftersale-escalated", NotificationCategory.Orders,
        "售后申请平台介入", "售后单 {number} 已申请平台介入，请查看协商记录。");

    public static readonly NotificationTemplate AfterSaleRefunded = new(
        "aftersale-refunded", NotificationCategory.Orders,
        "售后退款成功", "售后单 {number} 已退款 {amount}，将原路退回。",
        SmsText: "【MallPortal】售后单{number}已退款{amount}，将原路退回，请注意查收。");

    public static readonly NotificationTemplate AfterSaleClosed = new(
        "aftersale-closed", NotificationCategory.Orders,
        "售后单已关闭", "售后单 {number} 已关闭。{reason}");

    public static readonly NotificationTemplate AfterSaleMessage = new(
        "aftersale-message", NotificationCategory.Orders,
        "售后协商有新留言", "售后单 {number} 有新的协商留言，请查看。");

    public static readonly NotificationTemplate OrderReceived = new(
        "order-received", NotificationCategory.Orders,
        "买家已确认收货", "订单 {number} 已确认收货，交易完成。");

    public static readonly NotificationTemplate OrderReceiptConfirmed = new(
        "order-receipt-confirmed", NotificationCategory.Orders,
        "已确认收货", "订单 {number} 已确认收货，交易完成。欢迎评价商品，如有问题可在订单中申请售后。");

    public static readonly NotificationTemplate OrderAutoReceived = new(
        "order-auto-received", NotificationCategory.Orders,
        "已自动确认收货", "订单 {number} 发货已满 {days} 天，系统已为您自动确认收货。欢迎评价商品。");

    public static readonly NotificationTemplate CancellationRequested = new(
        "cancellation-requested", NotificationCategory.Orders,
        "买家申请取消订单", "订单 {number} 的买家申请取消订单（退款 {amount}），原因：{reason}。请尽快处理。");

    public static readonly NotificationTemplate CancellationRequestedUnpaid = new(
        "cancellation-requested-unpaid", NotificationCategory.Orders,
        "买家申请取消订单", "订单 {number} 的买家申请取消订单（货到付款，尚未收款，无需退款），原因：{reason}。请尽快处理。");

    public static readonly NotificationTemplate CancellationRejected = new(
        "cancellation-rejected", NotificationCategory.Orders,
        "取消申请未通过", "订单 {number} 的取消申请未通过，商家说明：{reason}。");

    public static readonly NotificationTemplate OrderRefunded = new(
        "order-refunded", NotificationCategory.Orders,
        "订单已取消并退款", "订单 {number} 已取消，{amount} 已按原支付方式退回，到账时间以支付平台为准。",
        SmsText: "【MallPortal】您的订单{number}已取消，{amount}已按原支付方式退回，请注意查收。");

    public static readonly NotificationTemplate OrderRefundProcessing = new(
        "order-refund-processing", NotificationCategory.Orders,
        "订单已取消，退款处理中", "订单 {number} 已取消，{amount} 退款处理中，将按原支付方式退回，预计 1–3 个工作日到账，到账后另行通知。",
        SmsText: "【MallPortal】您的订单{number}已取消，{amount}退款处理中，预计1-3个工作日原路到账。");

    public static readonly NotificationTemplate RefundArrived = new(
        "refund-arrived", NotificationCategory.Orders,
        "退款已到账", "订单 {number} 的退款 {amount} 已按原支付方式退回，请注意查收。",
        SmsText: "【MallPortal】您的订单{number}退款{amount}已原路到账，请注意查收。");

    public static readonly NotificationTemplate RefundFailedAtProvider = new(
        "refund-failed-at-provider", NotificationCategory.Orders,
        "原路退款未成功", "订单 {number} 的退款 {amount} 未能原路退回（{reason}），平台客服将尽快联系您另行退款。");

    public static readonly NotificationTemplate RefundPaidByHand = new(
        "refund-paid-by-hand", NotificationCategory.Orders,
        "退款已由平台退回", "订单 {number} 的退款 {amount} 已由平台另行退回：{note}。",
        SmsText: "【MallPortal】您的订单{number}的退款{amount}已由平台另行退回，请注意查收。");

    public static readonly NotificationTemplate OrderCancelledOnRequest = new(
        "order-cancelled-on-request", NotificationCategory.Orders,
        "订单已取消", "订单 {number} 已按您的申请取消，货到付款无需退款。");

    public static readonly NotificationTemplate ReviewReplied = new(
        "review-replied", NotificationCategory.Orders,
        "商家回复了您的评价", "「{product}」的商家回复：{reply}");

    public static readonly IReadOnlyList<NotificationTemplate> All =
        [VerificationCode, Welcome, PasswordChanged, ContactChanged, EmailConfirmation, PasswordResetLink, Announcement,
         MerchantApproved, MerchantRejected, DistributorApproved, DistributorRejected, ShopNoticeToDistributors, StockLow, StockDigest, OrderPlaced, OrderPlacedCod, OrderPaid, MerchantNewOrder,
         PaymentReminder, OrderClosed, OrderShipped, ParcelOutForDelivery, ParcelSigned, ParcelProblem, OrderReceived, OrderReceiptConfirmed, OrderAutoReceived, AfterSaleRequested, AfterSaleReturnAgreed, AfterSaleRefused, AfterSaleGoodsSent,
         AfterSaleEscalated, AfterSaleRefunded, AfterSaleClosed, AfterSaleMessage, CancellationRequested, CancellationRequestedUnpaid, CancellationRejected,
         OrderRefunded, OrderRefundProcessing, RefundArrived, RefundFailedAtProvider, RefundPaidByHand, OrderCancelledOnRequest, ReviewReplied, WithdrawalSubmitted, WithdrawalApproved, WithdrawalRejected, WithdrawalPaid,
         WithdrawalFailed, FundsDifference, GradeUpgraded, CommissionHeld, CommissionReleased, CommissionVoided, PaymentHeld, PaymentReleased, PaymentRefused];
}
