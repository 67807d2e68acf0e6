namespace MallPortal.Features.Orders;

/// <summary>The plain HTML shell of the simulated providers' pages (their cashier, their phone): another site, not MallPortal's.</summary>
internal static class SimulatorPages
{
    public static string Page(string title, string colour, string header, string content) => $$"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <style>
          body { font-family: "Noto Sans CJK SC", "PingFang SC", sans-serif; background: #f5f5f5; margin: 0; }
          header { background: {{colour}}; color: #fff; padding: 14px 20px; font-size: 18px; }
          main { max-width: 480px; margin: 24px auto; background: #fff; padding: 24px; border-radius: 8px; }
          .muted { color: #888; font-size: 13px; } .amount { font-size: 32px; color: {{colour}}; margin: 12px 0; }
          button { width: 100%; padding: 12px; margin-top: 10px; border-radius: 6px; font-size: 16px; cursor: pointer; }
          .pay { background: {{colour}}; color: #fff; border: 0; } .cancel { background: #fff; border: 1px solid #ccc; }
          .error { color: #d4380d; }
        </style></head>
        <body><header>{{header}}</header><main>{{content}}</main></body></html>
        """;
}
