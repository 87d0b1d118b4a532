package io.aftercare.account.web;

import java.util.List;

import io.aftercare.account.ApiToken;
import io.aftercare.account.ApiTokens;
import io.aftercare.account.Csm;
import io.aftercare.account.IssuedApiToken;
import io.aftercare.account.NewApiToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens: a user manages their own; an admin also those of any user, service accounts
 * included.
 */
@RestController
@Tag(name = "API tokens")
class ApiTokenController {

	private final ApiTokens tokens;

	ApiTokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/api/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API token for yourself; the answer is the only time its secret is shown")
	IssuedApiToken create(@Valid @RequestBody NewApiToken request, Csm csm) {
		return this.tokens.create(csm, csm.username(), request);
	}

	@GetMapping("/api/tokens")
	@Operation(summary = "Your API tokens, newest first (never their secrets)")
	List<ApiToken> list(Csm csm) {
		return this.tokens.list(csm, csm.username());
	}

	@DeleteMapping("/api/tokens/{id}")
	@Operation(summary = "Revoke one of your API tokens: refused from the next request on")
	ApiToken revoke(@PathVariable long id, Csm csm) {
		return this.tokens.revoke(csm, id);
	}

	@PostMapping("/api/admin/users/{username}/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API token for a user or service account (admins only)")
	IssuedApiToken createFor(@PathVariable String username, @Valid @RequestBody NewApiToken request, Csm csm) {
		return this.tokens.create(csm, username, request);
	}

	@GetMapping("/api/admin/users/{username}/tokens")
	@Operation(summary = "A user's API tokens (admins only)")
	List<ApiToken> listFor(@PathVariable String username, Csm csm) {
		return this.tokens.list(csm, username);
	}

}
