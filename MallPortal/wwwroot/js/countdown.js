// Counts down in the browser to a deadline the server measured (seconds left by its clock, so a wrong clock on the
// phone does not matter), e.g. the time left to pay. One timer per element; start again to reset it.
const timers = new WeakMap();

export function start(element, secondsLeft, format, expired) {
    stop(element);
    const end = Date.now() + secondsLeft * 1000;
    const tick = () => {
        const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
        element.textContent = left > 0 ? format.replace("{0}", clock(left)) : expired;
        if (left > 0) {
            timers.set(element, setTimeout(tick, 1000));
        }
    };
    tick();
}

export function stop(element) {
    clearTimeout(timers.get(element));
    timers.delete(element);
}

function clock(seconds) {
    const pad = n => String(n).padStart(2, "0");
    const h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}
