#!/bin/sh
# Copies the screenshots the browser tests took (./mvnw verify, under target/screenshots) to the
# names the README and docs/user-guide.md show them under, in docs/images.
set -eu
cd "$(dirname "$0")/.."
from=target/screenshots
to=docs/images

copy() {
  if [ ! -f "$from/$1.png" ]; then
    echo "missing $from/$1.png: run ./mvnw verify (with Chromium) first" >&2
    exit 1
  fi
  cp "$from/$1.png" "$to/$2.png"
  echo "$to/$2.png  <-  $from/$1.png"
}

copy journey/01-sign-in 01-sign-in
copy journey/02-search-cost 02-search
copy journey/03-billing-overview 03-billing-overview
copy journey/04-invoices 04-invoices
copy journey/05-pay-now-blade 05-pay-now-blade
copy journey/06-select-payment-method 06-select-payment-method
copy journey/07-paid 07-paid
copy journey/08-add-new-payment-method 08-add-new-payment-method
copy accessibility/pay-blade-validation-errors pay-blade-validation-errors
copy unhappy-paths/declined-card declined-card
copy unhappy-paths/3d-secure-verification 3d-secure-verification
copy unhappy-paths/reader-invoices reader-invoices
copy accessibility/properties-admin properties-admin
copy pay-selected/pay-selected-blade pay-selected-blade
copy pay-selected/pay-part-blade pay-part-blade
copy pay-selected/partially-paid partially-paid
copy accessibility/properties-reader properties-reader
copy accessibility/invoices-reader-zh-CN invoices-zh-CN
copy look/pay-blade-390 phone-pay-blade
