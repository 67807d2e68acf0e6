// The pay page's browser-side steps: where it runs (WeChat's own browser: JSAPI; a phone: Alipay's wap pay; else a
// computer), posting the provider's signed form once it is on the page, and WeChat's in-app payment.
export function device() {
    const agent = navigator.userAgent;
    return /MicroMessenger/i.test(agent) ? 'wechat' : /Android|iPhone|iPad|iPod|Mobile|HarmonyOS/i.test(agent) ? 'phone' : 'computer';
}

export function submit(form) {
    form.submit();
}

// Hands the server's parameters to WeixinJSBridge (WeChat's, or the simulator's stand-in script when one is named) and
// returns its err_msg: get_brand_wcpay_request:ok, :cancel or :fail.
export async function payInWeChat(parameters, bridgeUrl) {
    if (typeof WeixinJSBridge === 'undefined' && bridgeUrl) {
        await new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = bridgeUrl;
            script.onload = resolve;
            script.onerror = reject;
            document.head.appendChild(script);
        });
    }
    if (typeof WeixinJSBridge === 'undefined') {
        await new Promise(resolve => document.addEventListener('WeixinJSBridgeReady', resolve, { once: true }));
    }
    return await new Promise(resolve => WeixinJSBridge.invoke('getBrandWCPayRequest', parameters, result => resolve(result.err_msg || '')));
}
