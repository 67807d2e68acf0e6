// After a code was sent, the "获取验证码" button waits out the resend cooldown with a countdown.
document.addEventListener("DOMContentLoaded", () => {
    for (const button of document.querySelectorAll("button[data-cooldown]")) {
        const label = button.textContent;
        const format = button.dataset.cooldownText || "{0}";
        let left = parseInt(button.dataset.cooldown, 10);
        const tick = () => {
            if (left <= 0) {
                button.disabled = false;
                button.textContent = label;
                return;
            }
            button.disabled = true;
            button.textContent = format.replace("{0}", left);
            left -= 1;
            setTimeout(tick, 1000);
        };
        tick();
    }
});
