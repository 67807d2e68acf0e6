namespace MallPortal.Core.Orders.Shipping;

public sealed class LogisticsOptions
{
    public const string Section = "Logistics";

    /// <summary>Simulator (the built-in Kuaidi100 look-alike for demos and tests), Kuaidi100, or None (traces typed by hand).</summary>
    public string Provider { get; set; } = "Simulator";

    /// <summary>Kuaidi100's subscription address.</summary>
    public string PollUrl { get; set; } = "https://poll.kuaidi100.com/poll";

    /// <summary>The Kuaidi100 authorization key (授权key); for the simulator, the key it checks.</summary>
    public string Key { get; set; } = "";

    /// <summary>The automatic receipt runs this many days from the moment every parcel is signed for.</summary>
    public int ConfirmDaysAfterSigned { get; set; } = 7;

    /// <summary>A parcel with no scan for this many days goes to the merchant's problem queue.</summary>
    public int NoScanDays { get; set; } = 3;

    /// <summary>Seconds between the simulator's scans of a parcel (a real parcel takes days; the demo takes minutes).</summary>
    public int SimulatorStepSeconds { get; set; } = 120;

    /// <summary>Where the simulator's parcels set off.</summary>
    public string SimulatorOrigin { get; set; } = Simulator.ParcelJourney.DemoOrigin;

    public bool Enabled => !string.Equals(Provider, "None", StringComparison.OrdinalIgnoreCase);

    public bool IsSimulator => string.Equals(Provider, "Simulator", StringComparison.OrdinalIgnoreCase);

    public const string SimulatorKey = "mallportal-logistics-simulator";

    /// <summary>The simulator's parcels push in-process; their callbacks name this site as seen from inside.</summary>
    public const string SimulatorSite = "http://127.0.0.1/";

    public string SubscriptionKey => IsSimulator && string.IsNullOrEmpty(Key) ? SimulatorKey : Key;
}
