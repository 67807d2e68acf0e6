// The pay page's two browser-side steps: whether this is a phone (Alipay's wap pay, WeChat's in-app pay), and
// posting the provider's signed form once it is on the page.
export function isPhone() {
    return /Android|iPhone|iPad|iPod|Mobile|HarmonyOS/i.test(navigator.userAgent);
}

export function submit(form) {
    form.submit();
}
