package com.billingportal.invoice;

import java.util.List;

/**
 * A table another feature adds to the invoice's PDF, such as the payments made against it, in the
 * reader's language already.
 *
 * @param numericColumns the columns aligned right
 */
public record InvoiceDocumentSection(String heading, List<String> headers, float[] widths, List<List<String>> rows,
		List<Integer> numericColumns) {

}
