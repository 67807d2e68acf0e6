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
