package io.aftercare.account.web;

import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.account.NewCsm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins create CSM accounts.
 */
@RestController
@Tag(name = "Administration")
class UserAdminController {

	private final CsmDirectory directory;

	UserAdminController(CsmDirectory directory) {
		this.directory = directory;
	}

	@PostMapping("/api/admin/users")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a CSM or admin account (admins only)")
	Csm create(@Valid @RequestBody NewCsm user) {
		return this.directory.create(user);
	}

}
