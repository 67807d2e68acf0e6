// The chart library (Apache ECharts with Vizor's binding, about 1 MB, served from the Vizor.ECharts package) is loaded
// only by pages that draw charts, once per page life; shop pages never pay for it.
let loading;

export function load(src) {
    if (window.vizorECharts) {
        return Promise.resolve();
    }
    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = src;
        script.onload = () => resolve();
        script.onerror = () => {
            loading = undefined;
            reject(new Error("The chart library could not be loaded."));
        };
        document.head.appendChild(script);
    });
    return loading;
}

// A click on a chart's slice or bar calls back target.ChartClicked(dataIndex). The chart is found inside its wrapper once
// ECharts has drawn it (retried for a few seconds); a chart replaced meanwhile is simply never clicked.
export function onClick(wrapperId, target) {
    let tries = 0;
    const attach = () => {
        const element = document.getElementById(wrapperId)?.querySelector("[_echarts_instance_]");
        const chart = element && window.echarts?.getInstanceByDom(element);
        if (!chart) {
            if (++tries < 100) {
                setTimeout(attach, 100);
            }
            return;
        }
        if (!chart.__mallClick) {
            chart.__mallClick = true;
            chart.on("click", p => target.invokeMethodAsync("ChartClicked", p.dataIndex).catch(() => { }));
        }
    };
    attach();
}
