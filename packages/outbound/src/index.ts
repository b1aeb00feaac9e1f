export { checkUrlAddress, guardedLookup, isPrivateAddress, PrivateAddressError, type AddressPolicy } from './address-guard';
export { readCappedBody, type CappedBody } from './capped-body';
