package com.billingportal.user;

import java.util.Collection;
import java.util.List;

import com.billingportal.audit.AuditService.Actor;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as the web layer sees them, and as the session table keeps them: without a
 * password or its hash (the sign-in checks those and keeps neither). Permissions on billing
 * accounts are not authorities: they are decided per account by {@code account.AccountAccess}.
 */
public record PortalUser(long id, String email, String displayName) implements UserDetails {

	/** This user as the actor of what they do, for the audit trail. */
	public Actor actor() {
		return new Actor(this.id, this.email);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

	/** None: see the class comment. */
	@Override
	public String getPassword() {
		return null;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public String toString() {
		return "PortalUser[" + this.email + "]";
	}

}
