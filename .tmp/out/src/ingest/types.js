export function isReadFailure(result) {
    return 'error' in result && typeof result.error === 'string';
}
