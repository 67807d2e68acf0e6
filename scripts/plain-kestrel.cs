#:sdk Microsoft.NET.Sdk.Web
#:property TreatWarningsAsErrors=false
#:property PublishAot=false

// The yardstick of scripts/bench-pages.sh: Kestrel answering a tiny constant text, nothing else (no logging below
// warnings, no middleware). Run: dotnet run -c Release scripts/plain-kestrel.cs -- --urls http://127.0.0.1:5199
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
