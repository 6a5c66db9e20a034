package com.billingportal.portal;

import java.util.Arrays;
import java.util.List;

import com.billingportal.user.PortalUser;
import org.junit.jupiter.api.Test;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

/** The session's attributes as {@link SessionValues} writes and reads them. */
class SessionValuesTest {

	private final GenericConversionService codec = SessionValues.conversionService(getClass().getClassLoader());

	private final PortalUser user = new PortalUser(42, "avery@contoso.com", "Avery Chen 陈");

	@Test
	void aSignedInContextIsWrittenInFieldsAndReadBackTheSame() {
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(this.user, null,
				this.user.getAuthorities());
		signedIn.setDetails(new WebAuthenticationDetails("10.0.0.7", "a-session"));
		byte[] bytes = bytes(new SecurityContextImpl(signedIn));
		assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(SessionValues.CONTEXT);
		assertThat(bytes.length).as("far smaller than Java serialization").isLessThan(java(new SecurityContextImpl(signedIn)).length / 5);

		SecurityContext read = (SecurityContext) value(bytes);
		assertThat(read).isExactlyInstanceOf(SecurityContextImpl.class).isEqualTo(new SecurityContextImpl(signedIn));
		Authentication authentication = read.getAuthentication();
		assertThat(authentication).isExactlyInstanceOf(UsernamePasswordAuthenticationToken.class);
		assertThat(authentication.isAuthenticated()).isTrue();
		assertThat(authentication.getPrincipal()).isEqualTo(this.user);
		assertThat(authentication.getCredentials()).isNull();
		assertThat(authentication.getAuthorities()).extracting("authority").containsExactly("ROLE_USER");
		assertThat(authentication.getDetails()).isEqualTo(new WebAuthenticationDetails("10.0.0.7", "a-session"));
	}

	@Test
	void aContextWithoutDetailsOrWithMissingOnes() {
		UsernamePasswordAuthenticationToken signedUp = UsernamePasswordAuthenticationToken.authenticated(this.user, null,
				this.user.getAuthorities());
		assertThat(value(bytes(new SecurityContextImpl(signedUp)))).isEqualTo(new SecurityContextImpl(signedUp));
		signedUp.setDetails(new WebAuthenticationDetails("10.0.0.7", null));
		assertThat(((SecurityContext) value(bytes(new SecurityContextImpl(signedUp)))).getAuthentication().getDetails())
			.isEqualTo(new WebAuthenticationDetails("10.0.0.7", null));
	}

	@Test
	void aCsrfTokenIsWrittenInFields() {
		CsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "2f1c0a9e-token");
		byte[] bytes = bytes(token);
		assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(SessionValues.TOKEN);
		CsrfToken read = (CsrfToken) value(bytes);
		assertThat(read).isExactlyInstanceOf(DefaultCsrfToken.class);
		assertThat(List.of(read.getHeaderName(), read.getParameterName(), read.getToken()))
			.containsExactly("X-CSRF-TOKEN", "_csrf", "2f1c0a9e-token");
	}

	@Test
	void anyOtherContextOrValueGoesThroughJavaSerialization() {
		SecurityContext anonymous = new SecurityContextImpl(new AnonymousAuthenticationToken("key", "anonymousUser",
				List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
		SecurityContext otherPrincipal = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated("someone", null, List.of()));
		SecurityContext withCredentials = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(this.user, "secret", this.user.getAuthorities()));
		SecurityContext moreAuthorities = new SecurityContextImpl(UsernamePasswordAuthenticationToken
			.authenticated(this.user, null, List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))));
		SecurityContext notSignedIn = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.unauthenticated(this.user, null));
		for (Object value : List.of(anonymous, otherPrincipal, withCredentials, moreAuthorities, notSignedIn,
				new SecurityContextImpl(), "a flash message", 12L)) {
			byte[] bytes = bytes(value);
			assertThat(bytes).as("Java serialization: %s", value).startsWith((byte) 0xAC, (byte) 0xED);
			assertThat(value(bytes)).isEqualTo(value);
		}
	}

	@Test
	void aNameTooLongForItsFieldGoesThroughJavaSerialization() {
		PortalUser longName = new PortalUser(7, "x@contoso.com", "名".repeat(30_000));
		SecurityContext context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(longName, null, longName.getAuthorities()));
		byte[] bytes = bytes(context);
		assertThat(bytes).startsWith((byte) 0xAC, (byte) 0xED);
		assertThat(value(bytes)).isEqualTo(context);
	}

	@Test
	void valuesWrittenBeforeThisCodecAreStillRead() {
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(this.user, null,
				this.user.getAuthorities());
		signedIn.setDetails(new WebAuthenticationDetails("10.0.0.7", "a-session"));
		SecurityContext context = new SecurityContextImpl(signedIn);
		assertThat(value(java(context))).isEqualTo(context);
		CsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t");
		assertThat(((CsrfToken) value(java(token))).getToken()).isEqualTo("t");
	}

	/** billing.sessions.java-serialization: what older portals can read is written, both forms are read. */
	@Test
	void duringARollingUpgradeEverythingIsWrittenInJavaSerialization() {
		GenericConversionService upgrading = SessionValues.conversionService(getClass().getClassLoader(), false);
		SecurityContext context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(this.user, null, this.user.getAuthorities()));
		CsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t");
		for (Object value : List.of(context, token)) {
			byte[] written = (byte[]) upgrading.convert(value, TypeDescriptor.valueOf(Object.class),
					TypeDescriptor.valueOf(byte[].class));
			assertThat(written).startsWith((byte) 0xAC, (byte) 0xED);
		}
		assertThat(upgrading.convert(bytes(context), TypeDescriptor.valueOf(byte[].class),
				TypeDescriptor.valueOf(Object.class))).as("a row a new node wrote in fields").isEqualTo(context);
	}

	private byte[] bytes(Object value) {
		return (byte[]) this.codec.convert(value, TypeDescriptor.valueOf(Object.class), TypeDescriptor.valueOf(byte[].class));
	}

	private Object value(byte[] bytes) {
		return this.codec.convert(bytes, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
	}

	private static byte[] java(Object value) {
		return new SerializingConverter().convert(value);
	}

}
