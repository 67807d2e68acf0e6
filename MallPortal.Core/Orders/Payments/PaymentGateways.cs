using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Orders.Payments;

/// <summary>The registered gateways, looked up by name.</summary>
public sealed class PaymentGateways(IEnumerable<IPaymentGateway> gateways)
{
    private readonly Dictionary<string, IPaymentGateway> _byName = gateways.ToDictionary(g => g.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public IEnumerable<IPaymentGateway> All => _byName.Values;

    public IPaymentGateway? Find(string? name) => name is not null && _byName.TryGetValue(name, out var g) ? g : null;

    public IPaymentGateway Get(string? name) => Find(name) ?? throw new DomainException(CoreText.PaymentMethodUnknown, "PaymentMethod");
}
