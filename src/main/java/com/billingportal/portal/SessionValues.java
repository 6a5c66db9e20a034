package com.billingportal.portal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Objects;

import com.billingportal.user.PortalUser;

import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * How a session's attributes are kept in the session table: the two that every signed-in page reads,
 * the signed-in user's security context and the CSRF token, in a few fields of their own; every other
 * value in Java serialization, as Spring Session keeps them by default. Reading the security context
 * back through Java serialization (its classes described, each object looked up and filled by
 * reflection) was 6 % of a signed-in page's CPU, the token another 2 %.
 * <p>
 * A value in Java serialization starts with its stream's magic number, {@code 0xACED}; the fields
 * of a context start with {@link #CONTEXT}, of a token with {@link #TOKEN}: sessions written before
 * this codec (Java serialization throughout) are still read. A context is written in fields only in
 * the form the portal's sign-in and sign-up make it (a {@link PortalUser} signed in, no credentials,
 * the user's own authorities, the web details or none); any other goes through Java serialization.
 * <p>
 * Rows outlive a deployment (a session lives 30 idle minutes): a change to the fields needs a new
 * format byte, and format 1 must still be read. Portals before this codec cannot read it: during a
 * rolling upgrade from one, set {@code billing.sessions.java-serialization} on the new nodes until
 * no older node runs (docs/operations.md). {@code SessionValuesTest} holds the formats.
 */
public final class SessionValues {

	/** 'S', 'C', format 1: a security context. */
	static final byte[] CONTEXT = { 'S', 'C', 1 };

	/** 'S', 'T', format 1: a CSRF token. */
	static final byte[] TOKEN = { 'S', 'T', 1 };

	private SessionValues() {
	}

	/** The conversion service Spring Session's JDBC repository turns attributes into bytes with, and back. */
	public static GenericConversionService conversionService(ClassLoader classLoader) {
		return conversionService(classLoader, true);
	}

	/**
	 * As {@link #conversionService(ClassLoader)}; with {@code inFields} false every value is written in
	 * Java serialization, as portals before this codec wrote them and can read them
	 * ({@code billing.sessions.java-serialization}, for a rolling upgrade: docs/operations.md). Both
	 * forms are read either way.
	 */
	static GenericConversionService conversionService(ClassLoader classLoader, boolean inFields) {
		SerializingConverter java = new SerializingConverter();
		DeserializingConverter fromJava = new DeserializingConverter(classLoader);
		GenericConversionService service = new GenericConversionService();
		service.addConverter(Object.class, byte[].class, (value) -> {
			byte[] fields = inFields ? fields(value) : null;
			return (fields != null) ? fields : java.convert(value);
		});
		service.addConverter(byte[].class, Object.class, (bytes) -> {
			if (startsWith(bytes, CONTEXT)) {
				return context(bytes);
			}
			if (startsWith(bytes, TOKEN)) {
				return token(bytes);
			}
			return fromJava.convert(bytes);
		});
		return service;
	}

	/** The value in fields of its own, or null when it is not one this codec writes that way. */
	private static byte[] fields(Object value) {
		if (value != null && value.getClass() == SecurityContextImpl.class) {
			return contextFields(((SecurityContext) value).getAuthentication());
		}
		if (value != null && value.getClass() == DefaultCsrfToken.class) {
			CsrfToken token = (CsrfToken) value;
			return write(TOKEN, (out) -> {
				out.writeUTF(token.getHeaderName());
				out.writeUTF(token.getParameterName());
				out.writeUTF(token.getToken());
			});
		}
		return null;
	}

	private static byte[] contextFields(Authentication authentication) {
		if (authentication == null || authentication.getClass() != UsernamePasswordAuthenticationToken.class
				|| !authentication.isAuthenticated() || authentication.getCredentials() != null
				|| !(authentication.getPrincipal() instanceof PortalUser user)
				|| !sameAuthorities(authentication.getAuthorities(), user.getAuthorities())) {
			return null;
		}
		Object details = authentication.getDetails();
		if (details != null && details.getClass() != WebAuthenticationDetails.class) {
			return null;
		}
		WebAuthenticationDetails web = (WebAuthenticationDetails) details;
		return write(CONTEXT, (out) -> {
			out.writeLong(user.id());
			out.writeUTF(user.email());
			out.writeUTF(user.displayName());
			out.writeBoolean(web != null);
			if (web != null) {
				writeNullable(out, web.getRemoteAddress());
				writeNullable(out, web.getSessionId());
			}
		});
	}

	private static boolean sameAuthorities(Collection<? extends GrantedAuthority> a,
			Collection<? extends GrantedAuthority> b) {
		return a.stream()
			.map(GrantedAuthority::getAuthority)
			.toList()
			.equals(b.stream().map(GrantedAuthority::getAuthority).toList());
	}

	private static SecurityContext context(byte[] bytes) {
		return read(bytes, CONTEXT.length, (in) -> {
			PortalUser user = new PortalUser(in.readLong(), in.readUTF(), in.readUTF());
			UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(user,
					null, user.getAuthorities());
			if (in.readBoolean()) {
				authentication.setDetails(new WebAuthenticationDetails(readNullable(in), readNullable(in)));
			}
			return new SecurityContextImpl(authentication);
		});
	}

	private static CsrfToken token(byte[] bytes) {
		return read(bytes, TOKEN.length, (in) -> new DefaultCsrfToken(in.readUTF(), in.readUTF(), in.readUTF()));
	}

	private static void writeNullable(DataOutputStream out, String value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeUTF(value);
		}
	}

	private static String readNullable(DataInputStream in) throws IOException {
		return in.readBoolean() ? in.readUTF() : null;
	}

	private static boolean startsWith(byte[] bytes, byte[] magic) {
		if (bytes.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (bytes[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/** The magic number and the fields; null for a text longer than {@code writeUTF}'s 65,535 bytes (Java serialization then). */
	private static byte[] write(byte[] magic, Writer writer) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.write(magic);
			writer.write(out);
		}
		catch (UTFDataFormatException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static <T> T read(byte[] bytes, int offset, Reader<T> reader) {
		try (DataInputStream in = new DataInputStream(
				new ByteArrayInputStream(bytes, offset, bytes.length - offset))) {
			T value = Objects.requireNonNull(reader.read(in));
			if (in.available() != 0) {
				throw new IOException("Trailing bytes after a session value");
			}
			return value;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@FunctionalInterface
	private interface Writer {

		void write(DataOutputStream out) throws IOException;

	}

	@FunctionalInterface
	private interface Reader<T> {

		T read(DataInputStream in) throws IOException;

	}

}
