# Sourced by the scripts in .ci/setup.d: installs Debian packages that are missing.
# apt_install NEED PACKAGE... — NEED says what the packages are for. As root this runs
# apt-get; as any other user it installs nothing and stops with the command to run as root.
apt_install() {
    local need="$1"
    shift
    [ $# -gt 0 ] || return 0
    if [ "$(id -u)" != 0 ]; then
        echo "wegwijs needs $* ($need); installing them needs root: sudo apt-get install $*" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# python_venv_ready: whether `python3 -m venv` can make an environment with pip
# (Debian splits this into python3-venv).
python_venv_ready() {
    command -v python3 >/dev/null 2>&1 && python3 -c 'import ensurepip, venv' 2>/dev/null
}
