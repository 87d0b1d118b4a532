/**
 * The demo workspace: on a first start against an empty database, two CSMs ({@code sam}
 * and {@code alex}), an {@code admin} and a book of 31 customers with contacts, health
 * history and tickets covering every follow-up level, among them PRD-052's TechFlow
 * ticket {@code TF-2024-0847}. Loaded through the ingestion doors of the customer, ticket
 * and account modules, with every date relative to the moment of loading. Governed by
 * {@code aftercare.demo.load} ({@code auto}, {@code always}, {@code never}).
 */
package io.aftercare.demo;
