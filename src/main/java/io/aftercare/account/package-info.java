/**
 * Who is signed in and which customers they may see: CSM users, their passwords (hashed),
 * the security rules of the web edge, and {@link io.aftercare.account.Csm}, the acting
 * user that every other module receives and filters by.
 */
package io.aftercare.account;
