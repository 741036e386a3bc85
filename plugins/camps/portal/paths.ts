/** The check-in page's address: where its action returns, and what its messages are signed for. */
export const CHECK_IN_PATH = '/camps/check-in'
