// The card form on the pay page, the same code for Stripe.js and the simulator's look-alike: load the script named by the
// gateway, mount the Payment Element with the intent's client secret, confirm; Stripe takes the browser to the return URL
// when the card is accepted, or answers an error (a decline) and the form stays for another try.
let stripe = null;
let elements = null;

export async function mount(element, scriptUrl, publishableKey, clientSecret) {
    if (!window.Stripe) {
        await new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = scriptUrl;
            script.onload = resolve;
            script.onerror = () => reject(new Error('Stripe.js did not load'));
            document.head.appendChild(script);
        });
    }
    stripe = window.Stripe(publishableKey, { locale: 'zh' });
    elements = stripe.elements({ clientSecret, locale: 'zh' });
    elements.create('payment').mount(element);
}

export async function confirm(returnUrl) {
    const result = await stripe.confirmPayment({ elements, confirmParams: { return_url: returnUrl } });
    const error = result.error;
    return error ? { code: error.code ?? '', declineCode: error.decline_code ?? '', message: error.message ?? '' } : null;
}
