package com.billingportal.user;

import java.util.Collection;
import java.util.List;

import com.billingportal.audit.AuditService.Actor;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as the web layer sees them. Permissions on billing accounts are not
 * authorities: they are decided per account by {@code account.AccountAccess}.
 */
public record PortalUser(long id, String email, String displayName, String passwordHash, boolean enabled,
		boolean locked) implements UserDetails {

	/** This user as the actor of what they do, for the audit trail. */
	public Actor actor() {
		return new Actor(this.id, this.email);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public String toString() {
		return "PortalUser[" + this.email + "]";
	}

}
