using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Data;

/// <summary>
/// The one database of MallPortal: Identity plus every module's tables. Provider-neutral; the
/// provider subclasses exist only so each provider has its own migration set (decision 0003).
/// Services create a short-lived instance per operation through
/// <c>IDbContextFactory&lt;MallDbContext&gt;</c>.
/// </summary>
public abstract class MallDbContext(DbContextOptions options)
    : IdentityDbContext<MallUser, IdentityRole<int>, int>(options)
{
    public DbSet<DemoSeedRun> DemoSeedRuns => Set<DemoSeedRun>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();

    public DbSet<VerificationCode> VerificationCodes => Set<VerificationCode>();

    public DbSet<ShippingAddress> ShippingAddresses => Set<ShippingAddress>();

    public DbSet<MerchantApplication> MerchantApplications => Set<MerchantApplication>();

    public DbSet<Shop> Shops => Set<Shop>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Brand> Brands => Set<Brand>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductSku> ProductSkus => Set<ProductSku>();

    public DbSet<ProductTag> ProductTags => Set<ProductTag>();

    public DbSet<Inventory.StockItem> StockItems => Set<Inventory.StockItem>();

    public DbSet<Inventory.StockMovement> StockMovements => Set<Inventory.StockMovement>();

    public DbSet<Inventory.StockAlert> StockAlerts => Set<Inventory.StockAlert>();

    public DbSet<Inventory.InboundNote> InboundNotes => Set<Inventory.InboundNote>();

    public DbSet<Inventory.Stocktake> Stocktakes => Set<Inventory.Stocktake>();

    public DbSet<Orders.CartItem> CartItems => Set<Orders.CartItem>();

    public DbSet<Orders.Order> Orders => Set<Orders.Order>();

    public DbSet<Orders.OrderLine> OrderLines => Set<Orders.OrderLine>();

    public DbSet<Orders.Refund> Refunds => Set<Orders.Refund>();

    public DbSet<Orders.Payments.Payment> Payments => Set<Orders.Payments.Payment>();

    public DbSet<Orders.Payments.PaymentNotification> PaymentNotifications => Set<Orders.Payments.PaymentNotification>();

    public DbSet<Orders.Payments.Sandbox.SandboxTrade> SandboxTrades => Set<Orders.Payments.Sandbox.SandboxTrade>();

    public DbSet<Orders.Payments.Sandbox.SandboxCallback> SandboxCallbacks => Set<Orders.Payments.Sandbox.SandboxCallback>();

    public DbSet<Catalog.Reviews.ProductReview> ProductReviews => Set<Catalog.Reviews.ProductReview>();

    public DbSet<Distribution.DistributionSettings> DistributionSettings => Set<Distribution.DistributionSettings>();

    public DbSet<Distribution.DistributorApplication> DistributorApplications => Set<Distribution.DistributorApplication>();

    public DbSet<Distribution.Distributor> Distributors => Set<Distribution.Distributor>();

    public DbSet<Distribution.PromotionLink> PromotionLinks => Set<Distribution.PromotionLink>();

    public DbSet<Distribution.PromotionClick> PromotionClicks => Set<Distribution.PromotionClick>();

    public DbSet<Distribution.PromotionSignup> PromotionSignups => Set<Distribution.PromotionSignup>();

    public DbSet<Distribution.CustomerBinding> CustomerBindings => Set<Distribution.CustomerBinding>();

    public DbSet<Distribution.DistributionAudit> DistributionAudits => Set<Distribution.DistributionAudit>();

    public DbSet<Distribution.OrderAttribution> OrderAttributions => Set<Distribution.OrderAttribution>();

    public DbSet<Distribution.Commissions.CommissionPolicy> CommissionPolicies => Set<Distribution.Commissions.CommissionPolicy>();

    public DbSet<Distribution.Commissions.Commission> Commissions => Set<Distribution.Commissions.Commission>();

    public DbSet<Distribution.Commissions.CommissionEntry> CommissionEntries => Set<Distribution.Commissions.CommissionEntry>();

    public DbSet<Distribution.Withdrawals.Withdrawal> Withdrawals => Set<Distribution.Withdrawals.Withdrawal>();

    public DbSet<Distribution.Commissions.ProductCommissionRule> ProductCommissionRules => Set<Distribution.Commissions.ProductCommissionRule>();

    public DbSet<Distribution.Grades.DistributorGrade> DistributorGrades => Set<Distribution.Grades.DistributorGrade>();

    public DbSet<Distribution.Grades.GradeChange> GradeChanges => Set<Distribution.Grades.GradeChange>();

    public DbSet<Orders.Settlement.OrderSettlement> OrderSettlements => Set<Orders.Settlement.OrderSettlement>();

    public DbSet<Orders.Settlement.SettlementEntry> SettlementEntries => Set<Orders.Settlement.SettlementEntry>();

    public DbSet<Orders.Settlement.ShopAccount> ShopAccounts => Set<Orders.Settlement.ShopAccount>();

    public DbSet<Distribution.ShopDistributorBlock> ShopDistributorBlocks => Set<Distribution.ShopDistributorBlock>();

    public DbSet<Distribution.Risk.SignInTrace> SignInTraces => Set<Distribution.Risk.SignInTrace>();

    public DbSet<Orders.Risk.RiskSettings> RiskSettings => Set<Orders.Risk.RiskSettings>();

    public DbSet<Orders.Risk.ShopRiskLimit> ShopRiskLimits => Set<Orders.Risk.ShopRiskLimit>();

    public DbSet<Orders.Risk.PaymentAttempt> PaymentAttempts => Set<Orders.Risk.PaymentAttempt>();

    public DbSet<Orders.Risk.RiskEvent> RiskEvents => Set<Orders.Risk.RiskEvent>();

    public DbSet<Orders.Risk.PaymentReview> PaymentReviews => Set<Orders.Risk.PaymentReview>();

    public DbSet<Orders.Payments.Bills.PaymentBill> PaymentBills => Set<Orders.Payments.Bills.PaymentBill>();

    public DbSet<Orders.Payments.Bills.BillDifference> BillDifferences => Set<Orders.Payments.Bills.BillDifference>();

    public DbSet<Orders.Shipping.Shipment> Shipments => Set<Orders.Shipping.Shipment>();

    public DbSet<Orders.AfterSales.AfterSale> AfterSales => Set<Orders.AfterSales.AfterSale>();

    public DbSet<Orders.Shipping.ShipmentTraceEvent> ShipmentTraceEvents => Set<Orders.Shipping.ShipmentTraceEvent>();

    public DbSet<Orders.Shipping.Simulator.SimulatedParcel> SimulatedParcels => Set<Orders.Shipping.Simulator.SimulatedParcel>();

    public DbSet<Analytics.SalesRollup> SalesRollups => Set<Analytics.SalesRollup>();

    public DbSet<Analytics.PromotionPeriod> PromotionPeriods => Set<Analytics.PromotionPeriod>();

    // Fixed here rather than read from IdentityOptions, so the design-time model (migrations)
    // and the running model are the same. Version 2 is users, roles, claims, logins and tokens.
    protected override Version SchemaVersion => IdentitySchemaVersions.Version2;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MallDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name everywhere (readable in SQL, safe to reorder).
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Common.Money>().HaveConversion<MoneyConverter>();
    }
}
