// Progressive enhancement only: every page works without this file.
// A button marked data-submit-once cannot submit its form twice; the server's idempotency key
// remains the real guarantee against a double charge.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var button = event.submitter || form.querySelector('[data-submit-once]');
  if (!button || !button.hasAttribute('data-submit-once')) {
    return;
  }
  if (form.dataset.submitted === 'true') {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = 'true';
  // Disable after this event so the clicked button's name/value is still sent.
  window.setTimeout(function () {
    button.disabled = true;
    button.setAttribute('aria-disabled', 'true');
    if (button.dataset.busyLabel) {
      button.textContent = button.dataset.busyLabel;
    }
  }, 0);
});

// Typing in the new-card fields selects "Add a new payment method".
document.addEventListener('input', function (event) {
  var field = event.target;
  if (field.closest && field.closest('.new-card')) {
    var radio = document.getElementById('method-new');
    if (radio && !radio.checked) {
      radio.checked = true;
    }
  }
});
