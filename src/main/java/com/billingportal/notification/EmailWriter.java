package com.billingportal.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a {@link Letter} as a MIME message: HTML and plain text from the Thymeleaf templates
 * {@code email/letter.html} and {@code email/letter.txt}, the attachments, and a Message-ID derived
 * from the event and the recipient, so that the same email written again (a resubmitted event) is
 * recognisably the same message.
 */
@Component
class EmailWriter {

	static final Session SESSION = Session.getInstance(new Properties());

	static {
		// Jakarta Mail looks its stream provider up for every body part, through the ServiceLoader
		// unless this property names it: a scan of every jar of the application each time (JFR of
		// the pay flow: a third of writing a receipt email). An operator's own setting wins.
		System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider",
				"org.eclipse.angus.mail.util.MailStreamProvider");
	}

	/**
	 * The file type map every message's helper would otherwise build for itself: Spring's
	 * {@link MimeMessageHelper} reads and parses its {@code mime.types} file for each new helper
	 * (JFR of the pay flow: half of writing a receipt email). Made once, the same map.
	 */
	static final FileTypeMap FILE_TYPES = fileTypes();

	private final ITemplateEngine html;

	private final SpringTemplateEngine text;

	private final NotificationProperties properties;

	EmailWriter(ITemplateEngine templateEngine, MessageSource messages, NotificationProperties properties) {
		this.html = templateEngine;
		this.text = textEngine(messages);
		this.properties = properties;
	}

	private static SpringTemplateEngine textEngine(MessageSource messages) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

	/** {@code <event id.hash of the recipient@billing-portal>}: one id per event and recipient. */
	static String messageId(UUID eventId, String recipient) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(recipient.getBytes(StandardCharsets.UTF_8));
			return "<" + eventId + "." + HexFormat.of().formatHex(hash, 0, 8) + "@billing-portal>";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static FileTypeMap fileTypes() {
		ConfigurableMimeFileTypeMap map = new ConfigurableMimeFileTypeMap();
		map.afterPropertiesSet();
		return map;
	}

	/** A multipart UTF-8 helper that uses {@link #FILE_TYPES} instead of building its own. */
	static final class Helper extends MimeMessageHelper {

		Helper(MimeMessage message) throws MessagingException {
			super(message, true, "UTF-8");
		}

		@Override
		protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
			return FILE_TYPES;
		}

	}

	WrittenEmail write(UUID eventId, Letter letter) {
		Context context = new Context(letter.locale(), Map.of("letter", letter));
		String messageId = messageId(eventId, letter.recipient());
		try {
			StableIdMimeMessage message = new StableIdMimeMessage(SESSION, messageId);
			MimeMessageHelper helper = new Helper(message);
			helper.setFrom(this.properties.from());
			helper.setTo(letter.recipient());
			helper.setSubject(letter.subject());
			helper.setText(this.text.process("email/letter", context), this.html.process("email/letter", context));
			for (Letter.Attachment attachment : letter.attachments()) {
				helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
						"application/pdf");
			}
			message.saveChanges();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			return new WrittenEmail(letter.recipient(), letter.locale(), letter.subject(), messageId,
					out.toString(StandardCharsets.US_ASCII));
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Could not write the email to " + letter.recipient(), ex);
		}
	}

}
