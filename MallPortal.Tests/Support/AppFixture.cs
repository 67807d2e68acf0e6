namespace MallPortal.Tests.Support;

/// <summary>One running app shared by the tests of a class (start-up migrates and seeds once).</summary>
public sealed class AppFixture : IDisposable
{
    public MallPortalFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
