package com.billingportal.support;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF's text back as a person's PDF reader would extract it. */
public final class Pdfs {

	private Pdfs() {
	}

	public static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new AssertionError("Not a readable PDF", ex);
		}
	}

	/**
	 * True when every character of the text is drawn by a font of the first page with an outline
	 * of its own: the text is not only extractable but visible.
	 */
	public static boolean draws(byte[] pdf, String text) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			var resources = document.getPage(0).getResources();
			java.util.List<PDType0Font> fonts = new java.util.ArrayList<>();
			for (var name : resources.getFontNames()) {
				if (resources.getFont(name) instanceof PDType0Font font) {
					fonts.add(font);
				}
			}
			for (int i = 0; i < text.length(); i++) {
				String character = text.substring(i, i + 1);
				boolean drawn = false;
				for (PDType0Font font : fonts) {
					drawn = drawn || draws(font, character);
				}
				if (!drawn) {
					return false;
				}
			}
			return true;
		}
		catch (IOException ex) {
			throw new AssertionError("Not a readable PDF", ex);
		}
	}

	private static boolean draws(PDType0Font font, String character) throws IOException {
		// The code the PDF's text uses for the character, found through the font's ToUnicode map.
		for (int code = 0; code <= 0xFFFF; code++) {
			if (character.equals(font.toUnicode(code))) {
				return font.hasGlyph(code) && !font.getPath(code).getBounds2D().isEmpty();
			}
		}
		return false;
	}

	/** The PDF's fonts are embedded: a reader without Chinese fonts shows the same glyphs. */
	public static boolean allFontsEmbedded(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (var page : document.getPages()) {
				var resources = page.getResources();
				for (var name : resources.getFontNames()) {
					var font = resources.getFont(name);
					if (!font.isEmbedded()) {
						return false;
					}
				}
			}
			return true;
		}
		catch (IOException ex) {
			throw new AssertionError("Not a readable PDF", ex);
		}
	}

}
