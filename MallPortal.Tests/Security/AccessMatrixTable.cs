using System.Net;
using static MallPortal.Tests.Security.Access;
using static MallPortal.Tests.Security.AccessMatrixResources;

namespace MallPortal.Tests.Security;

/// <summary>Every page and endpoint of the app with who may use it; <see cref="AccessMatrixTests"/> checks the table against the route table.</summary>
public static class AccessMatrixTable
{
    private const string Page = AccessMatrixRoutes.Page;

    private static AccessMatrixRow P(string pattern, Access access, Func<AccessMatrixResources, string>? address = null) =>
        new(Page, pattern, access, address ?? (_ => pattern));

    private static AccessMatrixRow Get(string pattern, Access access, Func<AccessMatrixResources, string>? address = null) =>
        new("GET", pattern, access, address ?? (_ => pattern)) { Api = true };

    // Another owner's order: the buyer's name and street must not show, and the page reads as for a number that names nothing.
    private static AccessMatrixRow Order(string pattern, Access access, Party[] owners, Func<AccessMatrixResources, string> number, string format) =>
        P(pattern, access, r => string.Format(format, number(r))) with
        {
            Owners = owners, Missing = _ => string.Format(format, MissingNumber), NotFoundText = "订单不存在", Secrets = r => r.BuyerSecrets,
            OwnerSeesSecrets = true,
        };

    private static AccessMatrixRow AfterSale(string pattern, Access access, Party[] owners, string format) =>
        P(pattern, access, r => string.Format(format, r.AfterSaleA)) with
        {
            Owners = owners, Missing = _ => string.Format(format, MissingNumber), NotFoundText = "售后单不存在",
            Secrets = _ => [AfterSaleStory], OwnerSeesSecrets = true,
        };

    // The exports' last 30 days, as the analysis pages link them.
    private static string Days => $"from={DateTime.UtcNow.AddDays(-29):yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}";

    public static readonly IReadOnlyList<AccessMatrixRow> Rows =
    [
        // The shop, open to everyone.
        P("/", Anyone), P("/cart", Anyone), P("/search", Anyone), P("/Error", Anyone),
        P("/category/{Id:int}", Anyone, r => $"/category/{r.CategoryId}"),
        P("/product/{Id:int}", Anyone, r => $"/product/{r.ProductA}"),
        P("/shop/{Id:int}", Anyone, r => $"/shop/{r.ShopA}"),
        P("/not-found", Anyone),
        // The sandbox cashier is public (a trade number is the capability); an unknown one shows nothing.
        P("/sandbox/cashier/{TradeNo}", Anyone, _ => "/sandbox/cashier/SB" + MissingNumber),

        // Identity's static pages.
        P("/Account/Login", Anyone), P("/Account/LoginWithCode", Anyone), P("/Account/Register", Anyone),
        P("/Account/ForgotPassword", Anyone), P("/Account/Lockout", Anyone), P("/Account/AccessDenied", Anyone),
        P("/Account/ResetPassword", Anyone), P("/Account/ConfirmEmail", Anyone),
        P("/Account/Manage/ChangeContact", SignedIn), P("/Account/Manage/ChangePassword", SignedIn),

        // The buyer's own pages: any signed-in person (merchants and distributors shop too); the resources are the buyer's.
        P("/account", SignedIn), P("/account/addresses", SignedIn), P("/account/aftersales", SignedIn),
        P("/account/become-distributor", SignedIn), P("/account/inbox", SignedIn), P("/account/notifications", SignedIn),
        P("/account/orders", SignedIn), P("/account/open-shop", SignedIn), P("/checkout", SignedIn),
        Order("/account/orders/{Number}", SignedIn, [Party.ConsumerA], r => r.OrderA, "/account/orders/{0}"),
        Order("/account/orders/{Number}/pay", SignedIn, [Party.ConsumerA], r => r.PendingOrderA, "/account/orders/{0}/pay") with
        {
            NotFoundText = null, OwnerSeesSecrets = false, Secrets = r => r.BuyerSecrets,
        },
        P("/pay/result/{Number}", SignedIn, r => $"/pay/result/{r.PaymentA}") with
        {
            Owners = [Party.ConsumerA], Missing = _ => $"/pay/result/{MissingNumber}", NotFoundText = "支付单不存在",
        },
        P("/account/orders/{Number}/review/{LineId:int}", SignedIn, r => $"/account/orders/{r.OrderA}/review/{r.OrderLineA}") with
        {
            Owners = [Party.ConsumerA], Missing = _ => $"/account/orders/{MissingNumber}/review/{MissingId}", Secrets = r => r.BuyerSecrets,
        },
        P("/account/orders/{OrderNumber}/aftersale/{LineId:int}", SignedIn, r => $"/account/orders/{r.OrderA}/aftersale/{r.OrderLineA}") with
        {
            Owners = [Party.ConsumerA], Missing = _ => $"/account/orders/{MissingNumber}/aftersale/{MissingId}", NotFoundText = "该商品当前不能申请售后",
            Secrets = r => r.BuyerSecrets,
        },
        AfterSale("/account/aftersales/{Number}", SignedIn, [Party.ConsumerA], "/account/aftersales/{0}"),

        // The merchant's workbench.
        P("/merchant", Merchant), P("/merchant/shipments", Merchant), P("/merchant/settlement", Merchant), P("/merchant/orders", Merchant),
        P("/merchant/reviews", Merchant), P("/merchant/inbound", Merchant), P("/merchant/stock-alerts", Merchant), P("/merchant/stock", Merchant),
        P("/merchant/stocktakes", Merchant), P("/merchant/analytics", Merchant), P("/merchant/analytics/commission", Merchant),
        P("/merchant/aftersales", Merchant), P("/merchant/commission", Merchant), P("/merchant/distributors", Merchant),
        P("/merchant/products/new", Merchant), P("/merchant/products", Merchant), P("/merchant/shop", Merchant),
        Order("/merchant/orders/{Number}", Merchant, [Party.MerchantA], r => r.OrderA, "/merchant/orders/{0}"),
        AfterSale("/merchant/aftersales/{Number}", Merchant, [Party.MerchantA], "/merchant/aftersales/{0}"),
        P("/merchant/products/{Id:int}/edit", Merchant, r => $"/merchant/products/{r.ProductA}/edit") with
        {
            Owners = [Party.MerchantA], Missing = _ => $"/merchant/products/{MissingId}/edit", Secrets = r => [r.ProductTitleA], OwnerSeesSecrets = true,
        },
        P("/merchant/stocktakes/{Id:int}", Merchant, r => $"/merchant/stocktakes/{r.StocktakeA}") with
        {
            Owners = [Party.MerchantA], Missing = _ => $"/merchant/stocktakes/{MissingId}", NotFoundText = "盘点单不存在",
            Secrets = r => [r.StocktakeNumberA], OwnerSeesSecrets = true,
        },

        // Sales analysis: one page for merchants (their shop) and admins (all shops), under either prefix.
        P("/merchant/analytics/distributors", MerchantOrAdmin), P("/admin/analytics/distributors", MerchantOrAdmin),
        P("/merchant/analytics/periods", MerchantOrAdmin), P("/admin/analytics/periods", MerchantOrAdmin),
        P("/merchant/analytics/orders", MerchantOrAdmin), P("/admin/analytics/orders", MerchantOrAdmin),
        P("/merchant/analytics/distributors/{Id:int}", MerchantOrAdmin, r => $"/merchant/analytics/distributors/{r.DistributorA}"),
        P("/admin/analytics/distributors/{Id:int}", MerchantOrAdmin, r => $"/admin/analytics/distributors/{r.DistributorA}"),

        // The distributor's area.
        P("/distributor", Distributor), P("/distributor/income", Distributor), P("/distributor/withdrawals", Distributor),
        P("/distributor/invite", Distributor), P("/distributor/links", Distributor), P("/distributor/profile", Distributor),
        P("/distributor/orders", Distributor), P("/distributor/team", Distributor),
        P("/distributor/orders/{Number}", Distributor, r => $"/distributor/orders/{r.PromotedOrderA}") with
        {
            Owners = [Party.DistributorA], Missing = _ => $"/distributor/orders/{MissingNumber}", NotFoundText = "订单不存在",
            Secrets = r => [r.PromotedTitleA], OwnerSeesSecrets = true,
        },

        // The platform's back office: every resource is the admin's to see.
        P("/admin", Admin), P("/admin/aftersales", Admin), P("/admin/analytics", Admin), P("/admin/analytics/commission", Admin),
        P("/admin/analytics/rollups", Admin), P("/admin/merchant-applications", Admin), P("/admin/brands", Admin), P("/admin/categories", Admin),
        P("/admin/product-review", Admin), P("/admin/stock-reconciliation", Admin), P("/admin/binding-audit", Admin),
        P("/admin/distribution-settings", Admin), P("/admin/distributor-applications", Admin), P("/admin/distributors/tree", Admin),
        P("/admin/distributors", Admin), P("/admin/distributor-grades", Admin), P("/admin/reconciliation/bills", Admin),
        P("/admin/reconciliation/funds", Admin), P("/admin/payment-notifications", Admin), P("/admin/refunds", Admin),
        P("/admin/shop-fees", Admin), P("/admin/withdrawals", Admin), P("/admin/announcements", Admin), P("/admin/outbox", Admin),
        P("/admin/integrity", Admin), P("/admin/orders", Admin), P("/admin/commission-holds", Admin), P("/admin/risk", Admin),
        P("/admin/users", Admin),
        P("/admin/orders/{Number}", Admin, r => $"/admin/orders/{r.OrderA}"),
        P("/admin/aftersales/{Number}", Admin, r => $"/admin/aftersales/{r.AfterSaleA}"),
        P("/admin/distributors/{Id:int}", Admin, r => $"/admin/distributors/{r.DistributorA}"),
        P("/admin/distributors/{Id:int}/income", Admin, r => $"/admin/distributors/{r.DistributorA}/income"),

        // Endpoints.
        new AccessMatrixRow("ANY", "/healthz", Anyone, _ => "/healthz") { Api = true },
        Get("/culture/set", Anyone, _ => "/culture/set?culture=zh-CN&returnUrl=/") with { Success = HttpStatusCode.Redirect },
        Get("/files/products/{name}", Anyone, r => "/files/" + r.ProductImageA),
        // No avatar, shop picture or review photo in the demo: public folders, so everyone gets the same 404 for a missing name.
        Get("/files/avatars/{name}", Anyone, _ => "/files/avatars/none.jpg") with { Success = HttpStatusCode.NotFound },
        Get("/files/shops/{name}", Anyone, _ => "/files/shops/none.jpg") with { Success = HttpStatusCode.NotFound },
        Get("/files/reviews/{name}", Anyone, _ => "/files/reviews/none.jpg") with { Success = HttpStatusCode.NotFound },
        Get("/r/{code}", Anyone, r => $"/r/{r.LinkA}") with { Success = HttpStatusCode.Redirect },
        Get("/i/{code}", Anyone, _ => "/i/ABCDEF") with { Success = HttpStatusCode.Redirect },
        Get("/wechat/signin", Anyone) with { Success = HttpStatusCode.Redirect },
        Get("/wechat/signin/callback", Anyone) with { Success = HttpStatusCode.Redirect },
        Get("/simulators/stripe/v3.js", Anyone),
        // The payment providers' simulators (mapped only while a provider is set to its simulator) are public, like the providers they
        // imitate; a request naming no payment finds none.
        Get("/simulators/wechat/oauth2/authorize", Anyone) with { Success = HttpStatusCode.BadRequest },
        Get("/simulators/wechatpay/inapp", Anyone) with { Success = HttpStatusCode.NotFound },
        Get("/simulators/wechatpay/scan", Anyone) with { Success = HttpStatusCode.NotFound },
        Get("/admin/reconciliation/funds.csv", Admin, _ => $"/admin/reconciliation/funds.csv?{Days}"),
        // The demo's applications carry no documents and no merchant applied: the admin gets past the gate to a 404.
        Get("/admin/distributor-applications/{id:int}/documents/{index:int}", Admin, r => $"/admin/distributor-applications/{r.DistributorApplicationA}/documents/0")
            with { Success = HttpStatusCode.NotFound },
        Get("/admin/merchant-applications/{id:int}/licence", Admin, _ => $"/admin/merchant-applications/{MissingId}/licence")
            with { Success = HttpStatusCode.NotFound },
        // After-sale photos need a sign-in; which person sees which photo (the buyer, the shop, an admin) is
        // UploadCorpusTests' check. The demo's cases carry no photo, so a signed-in party gets past the gate to a 404.
        Get("/files/aftersales/{month}/{name}", SignedIn, _ => "/files/aftersales/202612/0123456789abcdef.jpg")
            with { Success = HttpStatusCode.NotFound },
        Get("/analytics/export/orders", MerchantOrAdmin, _ => $"/analytics/export/orders?dim=Total&{Days}"), Get("/analytics/export/breakdown", MerchantOrAdmin, _ => $"/analytics/export/breakdown?dim=Category&{Days}"),
        Get("/analytics/export/trend", MerchantOrAdmin, _ => $"/analytics/export/trend?dim=Total&{Days}"), Get("/analytics/export/commission", MerchantOrAdmin, _ => $"/analytics/export/commission?dim=Total&{Days}"),
        Get("/analytics/export/distributors", MerchantOrAdmin, _ => $"/analytics/export/distributors?dim=Total&{Days}"), Get("/analytics/export/distributors/regions", MerchantOrAdmin, _ => $"/analytics/export/distributors/regions?dim=Total&{Days}"),
        Get("/analytics/export/distributor", MerchantOrAdmin, r => $"/analytics/export/distributor?id={r.DistributorA}&dim=Distributor&{Days}"),
        Get("/analytics/export/mine", Distributor, _ => $"/analytics/export/mine?dim=Total&{Days}"),
        Get("/distributor/files/invite/qr.{format}", Distributor, _ => "/distributor/files/invite/qr.png"),
        Get("/distributor/files/links/{code}/qr.{format}", Distributor, r => $"/distributor/files/links/{r.LinkA}/qr.png") with
        {
            Owners = [Party.DistributorA], Missing = _ => "/distributor/files/links/ZZZZZZZZ/qr.png",
        },
        Get("/distributor/files/links/{code}/poster.png", Distributor, r => $"/distributor/files/links/{r.LinkA}/poster.png") with
        {
            Owners = [Party.DistributorA], Missing = _ => "/distributor/files/links/ZZZZZZZZ/poster.png",
        },

        // Posts. Checkout is JSON for signed-in people; an empty cart is refused after the gate (409).
        new AccessMatrixRow("POST", "/api/checkout", SignedIn, _ => "/api/checkout")
        {
            Api = true, Success = HttpStatusCode.Conflict, Json = """{"lines":[],"addressId":0,"paymentMethod":"cod","idempotencyKey":"access-matrix"}""",
        },
        // Signing out needs the form's antiforgery token: a bare post is refused for everyone.
        new AccessMatrixRow("POST", "/Account/Logout", Anyone, _ => "/Account/Logout") { Success = HttpStatusCode.BadRequest },
        // Payment and parcel notifications are public and signature-checked: an unsigned one is refused for everyone.
        new AccessMatrixRow("POST", "/payments/notify/{gateway}", Anyone, _ => "/payments/notify/alipay") { Api = true, Success = HttpStatusCode.BadRequest },
        new AccessMatrixRow("POST", "/logistics/kuaidi100/{shipmentId:int}", Anyone, _ => "/logistics/kuaidi100/1") { Api = true, Success = HttpStatusCode.BadRequest },
        // The buyer's browser coming back from UnionPay: it only leads to a page that asks (the signed notification settles).
        new AccessMatrixRow("POST", "/payments/return/{gateway}", Anyone, _ => "/payments/return/unionpay") { Api = true, Success = HttpStatusCode.Redirect },
        // The simulators again: an unsigned gateway call gets the provider's error answer (Alipay's is a 200 with an error code,
        // Stripe's a 401 without the secret key), an unknown trade a 404.
        new AccessMatrixRow("POST", "/simulators/alipay/gateway.do", Anyone, _ => "/simulators/alipay/gateway.do") { Api = true },
        new AccessMatrixRow("POST", "/simulators/alipay/cashier/{tradeNo}", Anyone, _ => "/simulators/alipay/cashier/none") { Api = true, Success = HttpStatusCode.NotFound },
        new AccessMatrixRow("POST", "/simulators/unionpay/frontTransReq.do", Anyone, _ => "/simulators/unionpay/frontTransReq.do") { Api = true, Success = HttpStatusCode.BadRequest },
        new AccessMatrixRow("POST", "/simulators/unionpay/cashier/{orderId}", Anyone, _ => "/simulators/unionpay/cashier/none") { Api = true, Success = HttpStatusCode.NotFound },
        new AccessMatrixRow("POST", "/simulators/wechatpay/scan", Anyone, _ => "/simulators/wechatpay/scan") { Api = true, Success = HttpStatusCode.BadRequest },
        new AccessMatrixRow("POST", "/simulators/wechatpay/inapp", Anyone, _ => "/simulators/wechatpay/inapp") { Api = true, Json = "{}" },
        new AccessMatrixRow("POST", "/simulators/stripe/v1/payment_intents/{id}/confirm", Anyone, _ => "/simulators/stripe/v1/payment_intents/none/confirm")
            { Api = true, Success = HttpStatusCode.Unauthorized },
    ];
}
