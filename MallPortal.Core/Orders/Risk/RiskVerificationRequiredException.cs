namespace MallPortal.Core.Orders.Risk;

/// <summary>Too many payment attempts: the buyer confirms an SMS code (<see cref="PaymentRiskService.VerifyAsync"/>) to go on.</summary>
public sealed class RiskVerificationRequiredException(string message) : Exception(message);
