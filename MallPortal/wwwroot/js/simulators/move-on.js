// The simulated providers' pages move the browser on by themselves, as the real ones do: a form marked
// data-auto-submit is posted (UnionPay's front notification), a link marked data-auto-follow is followed (WeChat's
// authorisation, by script so the #wechat_redirect fragment is left behind). A file, not inline script, so the site's
// Content-Security-Policy allows it.
document.querySelector("form[data-auto-submit]")?.submit();
const next = document.querySelector("a[data-auto-follow]");
if (next) {
    location.replace(next.href);
}
