package io.aftercare.account;

/**
 * What a user may do: a CSM works their own book, an admin sees all and feeds data in.
 */
public enum CsmRole {

	CSM, ADMIN

}
