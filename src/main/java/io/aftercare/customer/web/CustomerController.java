package io.aftercare.customer.web;

import java.util.List;

import io.aftercare.account.Csm;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in CSM's customers.
 */
@RestController
@Tag(name = "Customers")
class CustomerController {

	private final CustomerBook book;

	CustomerController(CustomerBook book) {
		this.book = book;
	}

	@GetMapping("/api/customers")
	@Operation(summary = "Find customers in your book by name (case-insensitive, partial)")
	List<CustomerView> search(
			@Parameter(description = "part of the name, e.g. techflow") @RequestParam(required = false) String query,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset, Csm csm) {
		return this.book.search(csm, query, limit, offset).stream().map(CustomerView::of).toList();
	}

	@GetMapping("/api/customers/{id}")
	@Operation(summary = "One customer of your book")
	CustomerView customer(@PathVariable long id, Csm csm) {
		return CustomerView.of(this.book.require(csm, new CustomerId(id)));
	}

}
