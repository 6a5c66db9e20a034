package com.billingportal.notification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.billingportal.account.AccountAccess;
import com.billingportal.account.Permission;
import com.billingportal.portal.ListPage;
import com.billingportal.portal.ListProperties;
import com.billingportal.portal.NotFoundException;
import com.billingportal.portal.Pages;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email history: every email written for a billing account, newest first, with what became of it,
 * and each message as it was written. The billing account admin's alone.
 */
@Service
@Transactional(readOnly = true)
public class EmailHistory {

	private static final int PAGE_SIZE = 20;

	private final EmailMessageRepository emails;

	private final ListProperties lists;

	EmailHistory(EmailMessageRepository emails, ListProperties lists) {
		this.emails = emails;
		this.lists = lists;
	}

	/** A page of the account's emails, newest first; the total counted up to a bound ({@link Pages#counted}). */
	public ListPage<EmailMessage> page(AccountAccess access, int page) {
		access.require(Permission.VIEW_EMAIL_HISTORY);
		long account = access.accountId();
		return Pages.read(page, PAGE_SIZE,
				(pageable) -> Pages.counted(this.emails.findByBillingAccountIdOrderByCreatedAtDescIdDesc(account, pageable),
						pageable, this.lists.countLimit(),
						(offset, limit) -> this.emails.countFrom(account, offset, limit)));
	}

	/** One email of the account with its plain-text body and the names of its attachments, or 404. */
	public Message message(AccountAccess access, long id) {
		access.require(Permission.VIEW_EMAIL_HISTORY);
		EmailMessage email = this.emails.findByIdAndBillingAccountId(id, access.accountId())
			.orElseThrow(() -> new NotFoundException("Email"));
		try {
			StableIdMimeMessage mime = new StableIdMimeMessage(EmailWriter.SESSION, email.mime(), email.messageId());
			Message message = new Message(email, new StringBuilder(), new ArrayList<>());
			read(mime, message);
			return message;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Email " + id + " cannot be read", ex);
		}
	}

	private static void read(Part part, Message message) throws MessagingException, IOException {
		if (part.getFileName() != null) {
			message.attachments().add(part.getFileName());
		}
		else if (part.isMimeType("text/plain") && message.text().isEmpty()) {
			message.text().append((String) part.getContent());
		}
		else if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				read(child, message);
			}
		}
	}

	/** An email with what its page shows: the text as the recipient reads it, the attachments' names. */
	public record Message(EmailMessage email, StringBuilder text, List<String> attachments) {

		public String body() {
			return this.text.toString();
		}

	}

}
