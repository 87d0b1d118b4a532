/**
 * The language model behind {@link io.aftercare.drafting.DraftModel}, through Spring AI.
 */
package io.aftercare.drafting.model;
