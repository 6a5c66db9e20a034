package com.billingportal.portal;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Files the portal hands out (PDFs, CSVs): saved by the browser, never kept by a shared cache. */
public final class Downloads {

	public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private Downloads() {
	}

	public static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String fileName) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(body);
	}

}
