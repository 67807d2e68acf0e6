// Stands in for WeChat's own WeixinJSBridge when the WeChat Pay simulator runs (demos and tests, never with a live
// gateway): getBrandWCPayRequest shows a pay sheet with the trade's amount; 确认支付 hands the page's parameters to the
// simulated WeChat Pay, which checks paySign as WeChat does, and answers like the bridge (err_msg ...:ok / :fail / :cancel).
(function () {
    const fail = (desc) => ({ err_msg: 'get_brand_wcpay_request:fail', err_desc: desc });

    function sheet(info, params, done) {
        const box = document.createElement('div');
        box.setAttribute('data-testid', 'wechat-sheet');
        box.style.cssText = 'position:fixed;left:0;right:0;bottom:0;background:#fff;padding:20px;z-index:99999;'
            + 'font-family:"Noto Sans CJK SC",sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.2)';
        const line = (text, style, testId) => {
            const div = document.createElement('div');
            div.textContent = text;
            div.style.cssText = style;
            if (testId) div.setAttribute('data-testid', testId);
            box.appendChild(div);
        };
        const button = (text, style, testId, onClick) => {
            const b = document.createElement('button');
            b.textContent = text;
            b.style.cssText = 'width:100%;padding:12px;margin-top:8px;border-radius:6px;font-size:16px;' + style;
            b.setAttribute('data-testid', testId);
            b.onclick = () => { box.remove(); onClick(); };
            box.appendChild(b);
        };
        line('微信支付（本地模拟，不产生真实扣款）', 'color:#888;font-size:13px');
        line(info.description, 'font-size:15px;margin-top:8px');
        line('¥' + info.amount, 'font-size:30px;color:#07c160;margin:8px 0', 'wechat-sheet-amount');
        button('确认支付', 'background:#07c160;color:#fff;border:0', 'wechat-sheet-pay', () =>
            fetch('/simulators/wechatpay/inapp', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) })
                .then(r => r.json()).then(done, () => done(fail('网络错误'))));
        button('取消', 'background:#fff;border:1px solid #ccc', 'wechat-sheet-cancel', () => done({ err_msg: 'get_brand_wcpay_request:cancel' }));
        document.body.appendChild(box);
    }

    window.WeixinJSBridge = {
        invoke(name, params, done) {
            if (name !== 'getBrandWCPayRequest') {
                done({ err_msg: name + ':fail' });
                return;
            }
            fetch('/simulators/wechatpay/inapp?package=' + encodeURIComponent(params.package || ''))
                .then(r => r.ok ? r.json() : Promise.reject())
                .then(info => sheet(info, params, done), () => done(fail('prepay_id 无效')));
        },
    };
    document.dispatchEvent(new Event('WeixinJSBridgeReady'));
})();
