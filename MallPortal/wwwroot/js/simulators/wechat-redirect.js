// The simulated WeChat authorisation page sends the browser on by script, as WeChat's does (a file, not inline script,
// so the site's Content-Security-Policy allows it).
location.replace(document.getElementById("next").href);
