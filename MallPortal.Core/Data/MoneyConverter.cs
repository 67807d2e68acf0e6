using MallPortal.Core.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MallPortal.Core.Data;

/// <summary>Stores <see cref="Money"/> as its fen in a 64-bit integer column (decision 0002).</summary>
internal sealed class MoneyConverter() : ValueConverter<Money, long>(money => money.Fen, fen => new Money(fen));
