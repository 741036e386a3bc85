/** The registrar's page address: where its action returns, and what its messages are signed for. */
export const REGISTRAR_PATH = '/registrar'
