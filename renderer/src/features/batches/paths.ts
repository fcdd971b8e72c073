/** Kirim Data's routes (hash paths). */
export const KIRIM_DATA_PATH = '/kirim-data';
export const SEND_SETTINGS_PATH = `${KIRIM_DATA_PATH}/pengaturan`;
