package com.billingportal.portal;

import java.io.Serializable;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A message shown once on the page a redirect leads to (Post/Redirect/Get). */
public record Flash(String kind, String messageKey, String argument) implements Serializable {

	public static void success(RedirectAttributes attributes, String messageKey, String argument) {
		attributes.addFlashAttribute("flash", new Flash("success", messageKey, argument));
	}

	public static void info(RedirectAttributes attributes, String messageKey, String argument) {
		attributes.addFlashAttribute("flash", new Flash("info", messageKey, argument));
	}

	public static void error(RedirectAttributes attributes, String messageKey, String argument) {
		attributes.addFlashAttribute("flash", new Flash("error", messageKey, argument));
	}

}
