"""Build step: zips a folder for upload (the WordPress plugin).
Usage: python3 .ci/zip.py ARCHIVE_WITHOUT_.zip PARENT_DIR FOLDER"""
import shutil
import sys

archive, parent, folder = sys.argv[1:4]
shutil.make_archive(archive, "zip", parent, folder)
