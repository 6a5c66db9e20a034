package com.billingportal.portal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Deflater;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.core.io.ClassPathResource;

/**
 * The portal's PDF documents (invoices, receipts): a few building blocks over OpenPDF, written
 * with an embedded subset of Noto Sans SC so that Chinese and Latin text print alike in every
 * reader, whatever fonts its machine has.
 */
public final class PortalPdf {

	private static final BaseFont REGULAR = font("fonts/NotoSansSC-Regular.ttf");

	private static final BaseFont BOLD = font("fonts/NotoSansSC-Bold.ttf");

	private static final Color TEXT = new Color(0x20, 0x1f, 0x1e);

	private static final Color MUTED = new Color(0x60, 0x5e, 0x5c);

	private static final Color RULE = new Color(0xc8, 0xc6, 0xc4);

	private static final Color PAID = new Color(0x10, 0x7c, 0x10);

	private final Document document;

	private final PdfWriter writer;

	private PortalPdf(Document document, PdfWriter writer) {
		this.document = document;
		this.writer = writer;
	}

	/** A document of A4 pages, titled for the reader's PDF viewer. */
	public static byte[] render(String title, String language, Consumer<PortalPdf> content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 48, 48, 48, 48);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		document.addTitle(title);
		document.addCreator("Billing Portal");
		document.open();
		writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language));
		content.accept(new PortalPdf(document, writer));
		document.close();
		return out.toByteArray();
	}

	public PortalPdf title(String text, String subtitle) {
		add(new Paragraph(text, new Font(BOLD, 20, Font.NORMAL, TEXT)));
		if (subtitle != null) {
			Paragraph p = new Paragraph(subtitle, new Font(REGULAR, 11, Font.NORMAL, MUTED));
			p.setSpacingAfter(12);
			add(p);
		}
		return this;
	}

	public PortalPdf heading(String text) {
		Paragraph p = new Paragraph(text, new Font(BOLD, 13, Font.NORMAL, TEXT));
		p.setSpacingBefore(14);
		p.setSpacingAfter(6);
		add(p);
		return this;
	}

	public PortalPdf paragraph(String text) {
		Paragraph p = new Paragraph(text, new Font(REGULAR, 10, Font.NORMAL, TEXT));
		p.setSpacingAfter(4);
		add(p);
		return this;
	}

	/** Labels and values in two columns, as the pages' fact lists show them. */
	public PortalPdf facts(Map<String, String> facts) {
		PdfPTable table = new PdfPTable(new float[] { 2, 5 });
		table.setWidthPercentage(100);
		facts.forEach((label, value) -> {
			table.addCell(cell(label, new Font(REGULAR, 10, Font.NORMAL, MUTED), Element.ALIGN_LEFT, false));
			table.addCell(cell(value, new Font(REGULAR, 10, Font.NORMAL, TEXT), Element.ALIGN_LEFT, false));
		});
		add(table);
		return this;
	}

	/**
	 * A grid with a header row; columns whose index is in {@code numeric} align right. Footer
	 * rows put their label across all but the last column.
	 */
	public PortalPdf table(List<String> headers, float[] widths, List<List<String>> rows, List<Integer> numeric,
			Map<String, String> footer) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		for (int i = 0; i < headers.size(); i++) {
			PdfPCell c = cell(headers.get(i), new Font(BOLD, 9, Font.NORMAL, TEXT), align(numeric, i), true);
			c.setBorderWidthBottom(1f);
			table.addCell(c);
		}
		for (List<String> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				table.addCell(cell(row.get(i), new Font(REGULAR, 9, Font.NORMAL, TEXT), align(numeric, i), true));
			}
		}
		footer.forEach((label, value) -> {
			PdfPCell l = cell(label, new Font(BOLD, 9, Font.NORMAL, TEXT), Element.ALIGN_RIGHT, false);
			l.setColspan(headers.size() - 1);
			table.addCell(l);
			table.addCell(cell(value, new Font(BOLD, 9, Font.NORMAL, TEXT), Element.ALIGN_RIGHT, false));
		});
		add(table);
		return this;
	}

	/** A large, faint stamp on the first page, e.g. PAID once the invoice is paid. */
	public PortalPdf stamp(String text) {
		PdfContentByte canvas = this.writer.getDirectContent();
		canvas.saveState();
		PdfGState state = new PdfGState();
		state.setFillOpacity(0.45f);
		state.setStrokeOpacity(0.45f);
		canvas.setGState(state);
		// Top right, beside the title, tilted like a rubber stamp.
		float x = PageSize.A4.getWidth() - 140;
		float y = PageSize.A4.getHeight() - 100;
		ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER,
				new Phrase(text, new Font(BOLD, 40, Font.NORMAL, PAID)), x, y, 12);
		canvas.restoreState();
		return this;
	}

	private static int align(List<Integer> numeric, int column) {
		return numeric.contains(column) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT;
	}

	private static PdfPCell cell(String text, Font font, int alignment, boolean ruled) {
		PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
		cell.setHorizontalAlignment(alignment);
		cell.setBorder(ruled ? PdfPCell.BOTTOM : PdfPCell.NO_BORDER);
		cell.setBorderColor(RULE);
		cell.setBorderWidth(0.5f);
		cell.setPaddingTop(3);
		cell.setPaddingBottom(5);
		return cell;
	}

	/** The compression levels of the embedded fonts' streams, regular and bold (for tests). */
	static List<Integer> fontCompressionLevels() {
		return List.of(REGULAR.getCompressionLevel(), BOLD.getCompressionLevel());
	}

	private void add(Element element) {
		try {
			this.document.add(element);
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Could not lay out the PDF", ex);
		}
	}

	private static BaseFont font(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			// Identity-H, embedded: each PDF carries only the glyphs it uses, with a ToUnicode map so
			// that its text can be searched and copied.
			BaseFont font = BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(),
					null);
			// The subset's outlines are the glyphs used, but it keeps tables with an entry for every glyph
			// of the font: some 60 KB per font before compression, compressed again for every document. At
			// the default level that was three quarters of writing a receipt's PDF (async-profiler,
			// docs/performance.md); the fastest level makes a document about a tenth larger and three times
			// cheaper to write (PortalPdfTest).
			font.setCompressionLevel(Deflater.BEST_SPEED);
			return font;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Font " + path + " is missing from the application", ex);
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Font " + path + " cannot be read", ex);
		}
	}

}
