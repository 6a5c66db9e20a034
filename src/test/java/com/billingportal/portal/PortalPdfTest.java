package com.billingportal.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.billingportal.support.Pdfs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The building blocks on their own: what the invoice and receipt tests read through the pages, here
 * without a portal, and the font streams' compression level that makes a document cheap to write.
 */
class PortalPdfTest {

	private static byte[] receiptLike(String language, String name) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("Amount", "$1,234.56");
		facts.put("Paid by", name);
		return PortalPdf.render("Receipt", language,
				pdf -> pdf.title("Receipt", "Contoso Ltd").facts(facts).paragraph("Thank you.").stamp("Paid"));
	}

	@Test
	void aDocumentCarriesItsTextInEmbeddedFontsThatDrawLatinAndChinese() {
		byte[] pdf = receiptLike("zh-CN", "张伟 Zhang Wei");
		assertThat(Pdfs.text(pdf)).contains("$1,234.56", "张伟 Zhang Wei", "Thank you.");
		assertThat(Pdfs.allFontsEmbedded(pdf)).isTrue();
		assertThat(Pdfs.draws(pdf, "张伟Zhang")).isTrue();
	}

	@Test
	void theFontSubsetsAreCompressedAtTheFastestLevelAndStaySmall() {
		// At the default level the two subsets' compression was two thirds of writing a receipt; the
		// fastest one costs a few kilobytes: a receipt stays well under 40 KB (27 KB before, 29 KB now).
		byte[] pdf = receiptLike("en", "Alex Wilber");
		assertThat(pdf.length).isLessThan(40_000);
		assertThat(PortalPdf.fontCompressionLevels()).containsOnly(java.util.zip.Deflater.BEST_SPEED);
	}

}
