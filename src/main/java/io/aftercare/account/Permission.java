package io.aftercare.account;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a signed-in request may do on the API, as authorities the security rules check. A
 * password (or a session) grants everything the user's role allows; a token grants what
 * its scope allows.
 */
enum Permission {

	READ, WRITE, INGEST, ADMIN, TOKENS;

	String authority() {
		return "SCOPE_" + name().toLowerCase(java.util.Locale.ROOT);
	}

	GrantedAuthority granted() {
		return new SimpleGrantedAuthority(authority());
	}

	static Set<Permission> ofPassword(CsmRole role) {
		return (role == CsmRole.ADMIN) ? EnumSet.allOf(Permission.class)
				: EnumSet.of(Permission.READ, Permission.WRITE, Permission.TOKENS);
	}

	static java.util.List<GrantedAuthority> authorities(CsmRole role, Set<Permission> permissions) {
		var authorities = new java.util.ArrayList<GrantedAuthority>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
		permissions.forEach((permission) -> authorities.add(permission.granted()));
		return authorities;
	}

}
