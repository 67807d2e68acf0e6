namespace MallPortal.Features.Orders;

/// <summary>
/// The simulated Stripe.js: the calls the pay page makes of the real one — <c>Stripe(pk)</c>, <c>elements({clientSecret})</c>,
/// <c>create('payment').mount(el)</c> and <c>confirmPayment({elements, confirmParams: {return_url}})</c> — with a plain card
/// form (number, expiry, CVC) posting to the simulator's confirm endpoint. Success goes to the return URL with Stripe's
/// parameters; a decline resolves <c>{error}</c> as Stripe.js does.
/// </summary>
internal static class StripeSimulatorScript
{
    public const string Text = """
        (function () {
          var base = new URL(document.currentScript.src).origin + '/simulators/stripe';
          function field(name, label, placeholder) {
            return '<label style="display:block;margin:6px 0;font-size:13px;color:#555">' + label +
              '<input name="' + name + '" data-testid="card-' + name + '" placeholder="' + placeholder + '" autocomplete="off" ' +
              'style="display:block;width:100%;box-sizing:border-box;padding:10px;border:1px solid #ccc;border-radius:6px;font-size:16px"></label>';
          }
          window.Stripe = function (publishableKey) {
            return {
              elements: function (options) {
                var node = null;
                return {
                  clientSecret: options.clientSecret,
                  create: function () {
                    return {
                      mount: function (target) {
                        node = typeof target === 'string' ? document.querySelector(target) : target;
                        node.innerHTML = '<div data-testid="stripe-simulated-element" style="border:1px dashed #635bff;padding:10px;border-radius:8px">' +
                          '<div style="font-size:12px;color:#635bff">Stripe 银行卡（本地模拟，不产生真实扣款）</div>' +
                          field('number', '卡号', '4242 4242 4242 4242') + field('expiry', '有效期', 'MM / YY') + field('cvc', '安全码', 'CVC') + '</div>';
                      }
                    };
                  },
                  value: function (name) { return node.querySelector('input[name="' + name + '"]').value.trim(); }
                };
              },
              confirmPayment: async function (args) {
                var elements = args.elements, secret = elements.clientSecret, id = secret.split('_secret_')[0];
                var expiry = elements.value('expiry').split('/').map(function (p) { return p.trim(); });
                var body = new URLSearchParams({
                  key: publishableKey, client_secret: secret, return_url: args.confirmParams.return_url,
                  'card[number]': elements.value('number'), 'card[exp_month]': expiry[0] || '', 'card[exp_year]': expiry[1] || '', 'card[cvc]': elements.value('cvc')
                });
                var response = await fetch(base + '/v1/payment_intents/' + id + '/confirm', { method: 'POST', body: body });
                var answer = await response.json();
                if (answer.error) {
                  return { error: answer.error };
                }
                var back = new URL(args.confirmParams.return_url, window.location.href);
                back.searchParams.set('payment_intent', id);
                back.searchParams.set('payment_intent_client_secret', secret);
                back.searchParams.set('redirect_status', answer.status);
                window.location.assign(back.toString());
                return new Promise(function () { });
              }
            };
          };
        })();
        """;
}
