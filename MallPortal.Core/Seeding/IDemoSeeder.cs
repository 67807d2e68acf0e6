namespace MallPortal.Core.Seeding;

/// <summary>
/// One module's part of the demo shop. Each module registers its seeder in its Add*() method;
/// <see cref="DemoDataSeeder"/> runs every seeder once per database, in <see cref="Order"/>.
/// </summary>
public interface IDemoSeeder
{
    /// <summary>Stable name recorded once the seeder has run (e.g. "accounts").</summary>
    string Name { get; }

    /// <summary>Lower runs first: accounts before catalog before inventory before orders.</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
